import { Checkbox, Field, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { OrderField } from './types';

export type FieldValues = Record<string, string | boolean>;

type Props = {
  /** The fields with their texts in the page's language (`companyTextsIn`). */
  fields: (OrderField & { optionLabels?: string[] })[];
  values: FieldValues;
  onChange: (key: string, value: string | boolean) => void;
  errors: Record<string, string>;
};

export const fieldId = (key: string) => `order-field-${key}`;

/** The company's own extra fields (employee number, department, cost centre …). */
export function ExtraFields({ fields, values, onChange, errors }: Props) {
  const { t } = useTranslation('order');
  return (
    <>
      {fields.map((f) => {
        const label = f.required || f.type === 'checkbox' ? f.label : `${f.label} ${t('form.optional')}`;
        const error = errors[`field:${f.key}`];
        if (f.type === 'checkbox') {
          return (
            <Checkbox
              key={f.key}
              id={fieldId(f.key)}
              label={f.label}
              description={f.helpText}
              checked={values[f.key] === true}
              onChange={(e) => onChange(f.key, e.target.checked)}
              error={error}
              required={f.required}
            />
          );
        }
        if (f.type === 'select') {
          return (
            <Field key={f.key}>
              <Label>{label}</Label>
              {f.helpText && <Field.Description>{f.helpText}</Field.Description>}
              <Select
                id={fieldId(f.key)}
                value={String(values[f.key] ?? '')}
                onChange={(e) => onChange(f.key, e.target.value)}
                aria-invalid={error ? true : undefined}
                required={f.required}
              >
                <Select.Option value="">{t('form.choose')}</Select.Option>
                {(f.options ?? []).map((o, i) => (
                  <Select.Option key={o} value={o}>
                    {f.optionLabels?.[i] ?? o}
                  </Select.Option>
                ))}
              </Select>
              {error && <ValidationMessage>{error}</ValidationMessage>}
            </Field>
          );
        }
        return (
          <Textfield
            key={f.key}
            id={fieldId(f.key)}
            label={label}
            description={f.helpText}
            inputMode={f.type === 'number' ? 'decimal' : undefined}
            value={String(values[f.key] ?? '')}
            onChange={(e) => onChange(f.key, e.target.value)}
            error={error}
            required={f.required}
          />
        );
      })}
    </>
  );
}
