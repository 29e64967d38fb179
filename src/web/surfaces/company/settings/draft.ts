import type { OrderForm, SelfService, Settings } from '../types';
import type { FieldDraft } from './ExtraFieldEditor';
import { fieldKeyFor } from './fieldKey';
import { type SubsidyDraft, subsidyDraftOf, subsidyOf } from './SubsidyFields';

export type SettingsDraft = {
  selfService: SelfService;
  subsidy: SubsidyDraft;
  kind: OrderForm['kind'];
  intro: string;
  introEn: string;
  fields: FieldDraft[];
  limitZones: boolean;
  offeredZoneIds: string[];
  offeredCategoryIds: string[] | null;
  deductionTerms: string;
  deductionTermsEn: string;
  /** Issue 15 (c): the company's own terms say the deduction follows the price list. */
  deductionFollowsPriceList: boolean;
  /** One origin per line, as typed. */
  widgetOriginsText: string;
};

export function draftOf(s: Settings): SettingsDraft {
  return {
    selfService: s.selfService,
    subsidy: subsidyDraftOf(s.subsidy),
    kind: s.orderForm.kind,
    intro: s.orderForm.intro,
    introEn: s.orderForm.introEn ?? '',
    fields: s.orderForm.fields.map((f) => ({
      ...f,
      optionsText: (f.options ?? []).join('\n'),
      optionsEnText: (f.optionsEn ?? []).join('\n'),
    })),
    limitZones: s.orderForm.offeredZoneIds !== null,
    offeredZoneIds: s.orderForm.offeredZoneIds ?? [],
    offeredCategoryIds: s.orderForm.offeredCategoryIds,
    deductionTerms: s.deductionTerms,
    deductionTermsEn: s.deductionTermsEn ?? '',
    // Own terms: what the company declared; with the default terms the box starts unticked.
    deductionFollowsPriceList: s.deductionTerms.trim() !== '' && s.deductionFollowsPriceList === true,
    widgetOriginsText: (s.widgetOrigins ?? []).join('\n'),
  };
}

/** The problems that keep the draft from being saved (translation keys). */
export function draftProblems(d: SettingsDraft): string[] {
  const problems: string[] = [];
  if (subsidyOf(d.subsidy) === null) problems.push('settings.subsidy.invalid');
  if (d.kind === 'custom' && d.fields.some((f) => !f.label.trim()))
    problems.push('settings.form.labelMissing');
  if (d.kind === 'custom' && d.fields.some((f) => f.type === 'select' && !f.optionsText.trim()))
    problems.push('settings.form.optionsRequired');
  if (d.limitZones && d.offeredZoneIds.length === 0) problems.push('zones.required');
  if (d.offeredCategoryIds !== null && d.offeredCategoryIds.length === 0) problems.push('category.required');
  return problems;
}

export function fieldsOf(d: SettingsDraft): OrderForm['fields'] {
  if (d.kind === 'standard') return [];
  const taken = new Set(d.fields.map((f) => f.key).filter(Boolean));
  return d.fields.map((f) => {
    const key = f.key || fieldKeyFor(f.label, taken);
    taken.add(key);
    const lines = f.optionsText.split('\n').map((o) => o.trim());
    const linesEn = (f.optionsEnText ?? '').split('\n').map((o) => o.trim());
    // The English label of each option is the line in the same place (blank lines dropped alike).
    const kept = lines.flatMap((o, i) => (o ? [{ o, en: linesEn[i] ?? '' }] : []));
    const options = kept.map((k) => k.o);
    const optionsEn = kept.map((k) => k.en);
    return {
      key,
      label: f.label.trim(),
      type: f.type,
      required: f.required,
      ...(f.helpText?.trim() ? { helpText: f.helpText.trim() } : {}),
      ...(f.labelEn?.trim() ? { labelEn: f.labelEn.trim() } : {}),
      ...(f.helpTextEn?.trim() ? { helpTextEn: f.helpTextEn.trim() } : {}),
      ...(f.type === 'select' ? { options, ...(optionsEn.some(Boolean) ? { optionsEn } : {}) } : {}),
    };
  });
}

/** The PATCH body for a valid draft. */
export function patchOf(d: SettingsDraft) {
  const subsidy = subsidyOf(d.subsidy) ?? { type: 'none' as const, value: 0 };
  return {
    selfService: d.selfService,
    subsidy: subsidy.type === 'none' ? { type: 'none' as const, value: 0 } : subsidy,
    orderForm: {
      kind: d.kind,
      intro: d.intro.trim(),
      introEn: d.introEn.trim(),
      fields: fieldsOf(d),
      offeredZoneIds: d.limitZones ? d.offeredZoneIds : null,
      offeredCategoryIds: d.offeredCategoryIds,
    },
    deductionTerms: d.deductionTerms.trim(),
    deductionTermsEn: d.deductionTermsEn.trim(),
    deductionFollowsPriceList: d.deductionFollowsPriceList,
    widgetOrigins: d.widgetOriginsText
      .split(/[\n,]/)
      .map((o) => o.trim())
      .filter(Boolean),
  };
}
