import {
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Textfield,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { SettingsDraft } from './draft';
import { ExtraFieldEditor, type FieldDraft } from './ExtraFieldEditor';
import { OfferFields } from './OfferFields';

type Props = { draft: SettingsDraft; set: (patch: Partial<SettingsDraft>) => void; showErrors: boolean };

const NEW_FIELD: FieldDraft = {
  key: '',
  label: '',
  type: 'text',
  required: false,
  helpText: '',
  optionsText: '',
};

/** Rule 2: the standard form, or extra fields the admin defines; intro text; what is offered; terms. */
export function OrderFormBuilder({ draft, set, showErrors }: Props) {
  const { t } = useTranslation('company');
  const fields = draft.fields;
  const setField = (i: number, f: FieldDraft) => set({ fields: fields.map((x, j) => (j === i ? f : x)) });
  const move = (i: number, delta: -1 | 1) => {
    const next = [...fields];
    const [moved] = next.splice(i, 1);
    if (moved) next.splice(i + delta, 0, moved);
    set({ fields: next });
  };
  return (
    <section aria-labelledby="order-form-heading" className="company-stack">
      <Heading level={2} data-size="sm" id="order-form-heading">
        {t('settings.form.title')}
      </Heading>
      <Fieldset>
        <Fieldset.Legend>{t('settings.form.kindLegend')}</Fieldset.Legend>
        <Radio
          name="formKind"
          value="standard"
          label={t('settings.form.standard')}
          description={t('settings.form.standardHelp')}
          checked={draft.kind === 'standard'}
          onChange={() => set({ kind: 'standard' })}
        />
        <Radio
          name="formKind"
          value="custom"
          label={t('settings.form.custom')}
          description={t('settings.form.customHelp')}
          checked={draft.kind === 'custom'}
          onChange={() => set({ kind: 'custom' })}
        />
      </Fieldset>
      <Textfield
        label={t('settings.form.intro')}
        description={t('settings.form.introHelp')}
        multiline
        rows={3}
        value={draft.intro}
        onChange={(e) => set({ intro: e.target.value })}
      />
      <Textfield
        label={t('settings.form.introEn')}
        description={t('settings.form.englishHelp')}
        multiline
        rows={3}
        lang="en"
        value={draft.introEn}
        onChange={(e) => set({ introEn: e.target.value })}
      />
      {draft.kind === 'custom' && (
        <div className="company-stack">
          <Heading level={3} data-size="xs">
            {t('settings.form.extraFields')}
          </Heading>
          {fields.length === 0 && <Paragraph>{t('settings.form.noFields')}</Paragraph>}
          {fields.map((f, i) => (
            <ExtraFieldEditor
              key={f.key || `new-${i}`}
              index={i}
              count={fields.length}
              value={f}
              onChange={(v) => setField(i, v)}
              onMove={(delta) => move(i, delta)}
              onRemove={() => set({ fields: fields.filter((_, j) => j !== i) })}
              showErrors={showErrors}
            />
          ))}
          <div>
            <Button variant="secondary" onClick={() => set({ fields: [...fields, { ...NEW_FIELD }] })}>
              {t('settings.form.addField')}
            </Button>
          </div>
        </div>
      )}
      <OfferFields draft={draft} set={set} showErrors={showErrors} />
      <Textfield
        label={t('settings.form.deductionTerms')}
        description={t('settings.form.deductionTermsHelp')}
        multiline
        rows={4}
        value={draft.deductionTerms}
        onChange={(e) => set({ deductionTerms: e.target.value })}
      />
      <Textfield
        label={t('settings.form.deductionTermsEn')}
        description={t('settings.form.englishHelp')}
        multiline
        rows={4}
        lang="en"
        value={draft.deductionTermsEn}
        onChange={(e) => set({ deductionTermsEn: e.target.value })}
      />
      {draft.deductionTerms.trim() !== '' && (
        <Checkbox
          label={t('settings.form.followsPriceList')}
          description={t('settings.form.followsPriceListHelp')}
          checked={draft.deductionFollowsPriceList}
          onChange={(e) => set({ deductionFollowsPriceList: e.target.checked })}
        />
      )}
    </section>
  );
}
