import {
  Checkbox,
  Field,
  Fieldset,
  Label,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { companyTextsIn } from '../../../../domain/company-texts';
import type { OrderField } from '../types';

export type FieldValues = Record<string, string | number | boolean>;

/**
 * The company's own order-form fields (employee number, department …), filled in by the admin;
 * a required one is marked required and shows its error (issue 16 item 8).
 */
export function ExtraFieldInputs(props: {
  fields: OrderField[];
  value: FieldValues;
  onChange: (v: FieldValues) => void;
  errors?: Record<string, string | undefined>;
}) {
  const { t, i18n } = useTranslation('company');
  const { value, onChange } = props;
  // Issue 15.3: the company's field names, help texts and choices in the admin's language.
  const texts = companyTextsIn(
    { intro: '', deductionTerms: '', fields: props.fields },
    i18n.resolvedLanguage === 'en' ? 'en' : 'nb',
  );
  const fields = props.fields.map((f, i) => ({ ...f, ...texts.fields[i] }));
  const errors = props.errors ?? {};
  if (fields.length === 0) return null;
  const set = (key: string, v: string | boolean) => onChange({ ...value, [key]: v });
  return (
    <Fieldset>
      <Fieldset.Legend>{t('newSubscription.extraFields')}</Fieldset.Legend>
      {fields.map((f) => {
        const label = f.required ? f.label : `${f.label} (${t('settings.preview.optional')})`;
        if (f.type === 'checkbox')
          return (
            <Checkbox
              key={f.key}
              label={label}
              description={f.helpText}
              checked={value[f.key] === true}
              onChange={(e) => set(f.key, e.target.checked)}
              required={f.required}
              error={errors[f.key]}
            />
          );
        if (f.type === 'select')
          return (
            <Field key={f.key}>
              <Label>{label}</Label>
              {f.helpText && <Field.Description>{f.helpText}</Field.Description>}
              <Select
                value={String(value[f.key] ?? '')}
                onChange={(e) => set(f.key, e.target.value)}
                required={f.required}
                aria-invalid={errors[f.key] ? true : undefined}
              >
                <Select.Option value="">{t('newSubscription.choose')}</Select.Option>
                {(f.options ?? []).map((o, i) => (
                  <Select.Option key={o} value={o}>
                    {f.optionLabels?.[i] ?? o}
                  </Select.Option>
                ))}
              </Select>
              {errors[f.key] && <ValidationMessage>{errors[f.key]}</ValidationMessage>}
            </Field>
          );
        return (
          <Textfield
            key={f.key}
            label={label}
            description={f.helpText}
            inputMode={f.type === 'number' ? 'numeric' : undefined}
            value={String(value[f.key] ?? '')}
            onChange={(e) => set(f.key, e.target.value)}
            required={f.required}
            error={errors[f.key]}
          />
        );
      })}
    </Fieldset>
  );
}
