import {
  Alert,
  Checkbox,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { companyTextsIn } from '../../../../domain/company-texts';
import type { Language } from '../../../../domain/message-catalogue';
import { DateText } from '../../../ui/DateText';
import { firstOfNextMonthInOslo } from '../shared/dates';
import { costOf, PriceSummary } from '../shared/PriceSummary';
import { useCatalog } from '../shared/useCatalog';
import { fieldsOf, type SettingsDraft } from './draft';
import { subsidyOf } from './SubsidyFields';

/**
 * The order form as the employee will see it, from the unsaved draft; its inputs are for show
 * only. Shown in bokmål and in English (issue 15.3): the company's English texts where written,
 * its bokmål ones where not.
 */
export function OrderFormPreview({ draft }: { draft: SettingsDraft }) {
  return (
    <>
      <LanguagePreview draft={draft} lang="nb" />
      <LanguagePreview draft={draft} lang="en" />
    </>
  );
}

function LanguagePreview({ draft, lang }: { draft: SettingsDraft; lang: Language }) {
  // The preview's own words are in the language it shows; its heading is in the admin's.
  const { t } = useTranslation('company', { lng: lang });
  const { t: tAdmin } = useTranslation('company');
  const texts = companyTextsIn(
    {
      intro: draft.intro.trim(),
      introEn: draft.introEn,
      deductionTerms: draft.deductionTerms.trim(),
      deductionTermsEn: draft.deductionTermsEn,
      fields: fieldsOf(draft),
    },
    lang,
  );
  const headingId = `preview-heading-${lang}`;
  const { catalog, categories, zoneNames, categoryName } = useCatalog(lang);
  const start = firstOfNextMonthInOslo();
  const offeredCategories = categories.filter(
    (c) => c.active && (draft.offeredCategoryIds === null || draft.offeredCategoryIds.includes(c.id)),
  );
  const example = offeredCategories.find((c) => c.id === 'voksen') ?? offeredCategories[0];
  const subsidy = subsidyOf(draft.subsidy) ?? undefined;
  const cost = example
    ? costOf(catalog, subsidy, { categoryId: example.id, zoneCount: 1, date: start })
    : null;
  return (
    <section aria-labelledby={headingId} className="company-preview company-stack" lang={lang}>
      <Heading level={2} data-size="sm" id={headingId}>
        {lang === 'en' ? tAdmin('settings.preview.inEnglish') : tAdmin('settings.preview.title')}
      </Heading>
      {lang === 'nb' && <Paragraph data-size="sm">{tAdmin('settings.preview.help')}</Paragraph>}
      {draft.selfService === 'disabled' ? (
        <Alert data-color="info">
          <Paragraph>{t('settings.preview.disabled')}</Paragraph>
        </Alert>
      ) : (
        <fieldset disabled className="company-stack company-preview-form">
          <legend className="company-visually-hidden">{t('settings.preview.title')}</legend>
          <Heading level={3} data-size="xs">
            {t('settings.preview.orderTitle')}
          </Heading>
          {texts.intro && <Paragraph className="preserve-lines">{texts.intro}</Paragraph>}
          <Paragraph>
            {t('settings.preview.start')} <DateText date={start} lang={lang} /> {t('settings.preview.locked')}
          </Paragraph>
          <Textfield label={t('settings.preview.firstName')} description={t('settings.preview.asOnId')} />
          <Textfield label={t('settings.preview.lastName')} />
          {fieldsOf(draft)
            .map((field, i) => ({ ...field, ...texts.fields[i] }))
            .map((f) =>
              f.type === 'checkbox' ? (
                <Checkbox key={f.key} label={f.label} description={f.helpText} />
              ) : f.type === 'select' ? (
                <Field key={f.key}>
                  <Label>{f.label}</Label>
                  {f.helpText && <Field.Description>{f.helpText}</Field.Description>}
                  <Select>
                    {(f.options ?? []).map((o, i) => (
                      <Select.Option key={o}>{f.optionLabels?.[i] ?? o}</Select.Option>
                    ))}
                  </Select>
                </Field>
              ) : (
                <Textfield
                  key={f.key}
                  label={`${f.label}${f.required ? '' : ` (${t('settings.preview.optional')})`}`}
                  description={f.helpText}
                  inputMode={f.type === 'number' ? 'numeric' : undefined}
                />
              ),
            )}
          <Paragraph>
            <strong>{t('zones.legend')}:</strong>{' '}
            {draft.limitZones ? zoneNames(draft.offeredZoneIds) : t('settings.offer.allZones')}
          </Paragraph>
          <Paragraph>
            <strong>{t('category.label')}:</strong>{' '}
            {offeredCategories.map((c) => categoryName(c.id)).join(', ')}
          </Paragraph>
          {example && (
            <Paragraph data-size="sm">
              {t('settings.preview.example', { category: categoryName(example.id) })}
            </Paragraph>
          )}
          <PriceSummary cost={cost} lang={lang} />
          <Paragraph className="preserve-lines" data-size="sm">
            {texts.deductionTerms}
          </Paragraph>
          <Checkbox label={t('settings.preview.consent')} />
        </fieldset>
      )}
    </section>
  );
}
