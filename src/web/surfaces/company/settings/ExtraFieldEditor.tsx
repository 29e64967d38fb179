import { Button, Checkbox, Field, Heading, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { OrderField, OrderFieldType } from '../types';

/** A field as edited: its options (and their English labels) one per line, as typed. */
export type FieldDraft = OrderField & { optionsText: string; optionsEnText?: string };

const TYPES: OrderFieldType[] = ['text', 'number', 'select', 'checkbox'];

type Props = {
  index: number;
  count: number;
  value: FieldDraft;
  onChange: (v: FieldDraft) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  showErrors: boolean;
};

/** One extra field of the order form: label, type, required, help text and, for a list, its options. */
export function ExtraFieldEditor({ index, count, value, onChange, onMove, onRemove, showErrors }: Props) {
  const { t } = useTranslation('company');
  const title = value.label.trim() || t('settings.form.fieldN', { n: index + 1 });
  const set = (patch: Partial<FieldDraft>) => onChange({ ...value, ...patch });
  const noOptions = value.type === 'select' && value.optionsText.trim() === '';
  return (
    <fieldset className="company-field-card">
      <legend className="company-visually-hidden">{title}</legend>
      <Heading level={4} data-size="2xs">
        {title}
      </Heading>
      <Textfield
        label={t('settings.form.fieldLabel')}
        value={value.label}
        onChange={(e) => set({ label: e.target.value })}
        error={showErrors && !value.label.trim() ? t('newSubscription.required') : undefined}
      />
      <Textfield
        label={t('settings.form.fieldLabelEn')}
        description={t('settings.form.englishHelp')}
        lang="en"
        value={value.labelEn ?? ''}
        onChange={(e) => set({ labelEn: e.target.value })}
      />
      <Field>
        <Label>{t('settings.form.fieldType')}</Label>
        <Select value={value.type} onChange={(e) => set({ type: e.target.value as OrderFieldType })}>
          {TYPES.map((type) => (
            <Select.Option key={type} value={type}>
              {t(`settings.form.types.${type}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {value.type === 'select' && (
        <Textfield
          label={t('settings.form.options')}
          description={t('settings.form.optionsHelp')}
          multiline
          rows={3}
          value={value.optionsText}
          onChange={(e) => set({ optionsText: e.target.value })}
          error={showErrors && noOptions ? t('settings.form.optionsRequired') : undefined}
        />
      )}
      {value.type === 'select' && (
        <Textfield
          label={t('settings.form.optionsEn')}
          description={t('settings.form.optionsEnHelp')}
          lang="en"
          multiline
          rows={3}
          value={value.optionsEnText ?? ''}
          onChange={(e) => set({ optionsEnText: e.target.value })}
        />
      )}
      <Textfield
        label={t('settings.form.helpText')}
        value={value.helpText ?? ''}
        onChange={(e) => set({ helpText: e.target.value })}
      />
      <Textfield
        label={t('settings.form.helpTextEn')}
        lang="en"
        value={value.helpTextEn ?? ''}
        onChange={(e) => set({ helpTextEn: e.target.value })}
      />
      <Checkbox
        label={t('settings.form.required')}
        checked={value.required}
        onChange={(e) => set({ required: e.target.checked })}
      />
      <div className="company-buttons">
        <Button variant="tertiary" data-size="sm" disabled={index === 0} onClick={() => onMove(-1)}>
          {t('settings.form.moveUp', { name: title })}
        </Button>
        <Button variant="tertiary" data-size="sm" disabled={index === count - 1} onClick={() => onMove(1)}>
          {t('settings.form.moveDown', { name: title })}
        </Button>
        <Button variant="tertiary" data-color="danger" data-size="sm" onClick={onRemove}>
          {t('settings.form.remove', { name: title })}
        </Button>
      </div>
    </fieldset>
  );
}
