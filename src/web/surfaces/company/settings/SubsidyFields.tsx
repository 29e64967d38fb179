import { Fieldset, Radio, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Subsidy } from '../types';

export type SubsidyDraft = { type: Subsidy['type']; text: string };

/** The draft's value as the API wants it (percent, or øre for a fixed amount); null when invalid. */
export function subsidyOf(draft: SubsidyDraft): Subsidy | null {
  if (draft.type === 'none') return { type: 'none', value: 0 };
  const n = Number(draft.text.trim().replace(/\s/g, '').replace(',', '.'));
  if (draft.text.trim() === '' || !Number.isFinite(n) || n < 0) return null;
  if (draft.type === 'percent')
    return n <= 100 && Math.round(n * 100) === n * 100 ? { type: 'percent', value: n } : null;
  const ore = Math.round(n * 100);
  return Math.abs(ore - n * 100) < 1e-6 ? { type: 'fixed', value: ore } : null;
}

export function subsidyDraftOf(s: Subsidy): SubsidyDraft {
  if (s.type === 'none') return { type: 'none', text: '' };
  const text = s.type === 'percent' ? String(s.value) : String(s.value / 100);
  return { type: s.type, text: text.replace('.', ',') };
}

/** Rule 2: the company's share of the price: none, a percentage or a fixed amount per month. */
export function SubsidyFields(props: {
  value: SubsidyDraft;
  onChange: (v: SubsidyDraft) => void;
  showError: boolean;
}) {
  const { t } = useTranslation('company');
  const { value, onChange } = props;
  const invalid = props.showError && subsidyOf(value) === null;
  return (
    <Fieldset>
      <Fieldset.Legend>{t('settings.subsidy.legend')}</Fieldset.Legend>
      <Fieldset.Description>{t('settings.subsidy.description')}</Fieldset.Description>
      {(['none', 'percent', 'fixed'] as const).map((type) => (
        <Radio
          key={type}
          name="subsidyType"
          value={type}
          label={t(`settings.subsidy.${type}`)}
          checked={value.type === type}
          onChange={() => onChange({ type, text: type === value.type ? value.text : '' })}
        />
      ))}
      {value.type !== 'none' && (
        <Textfield
          label={
            value.type === 'percent' ? t('settings.subsidy.percentLabel') : t('settings.subsidy.fixedLabel')
          }
          suffix={value.type === 'percent' ? '%' : 'kr'}
          inputMode="decimal"
          value={value.text}
          onChange={(e) => onChange({ ...value, text: e.target.value })}
          error={
            invalid
              ? value.type === 'percent'
                ? t('settings.subsidy.percentInvalid')
                : t('settings.subsidy.fixedInvalid')
              : undefined
          }
        />
      )}
    </Fieldset>
  );
}
