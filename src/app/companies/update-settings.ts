import type { Tx } from '../../db/engine';
import { loadCatalog } from '../../db/repositories/catalog';
import { type CompanySettingsChanges, findCompany, updateCompany } from '../../db/repositories/companies';
import type { OrderField, OrderForm, SelfService } from '../../db/schema';
import { osloToday } from '../../domain/calendar';
import { validateZoneSelection } from '../../domain/catalog';
import { AppError } from '../../domain/errors';
import { type Subsidy, validateSubsidy } from '../../domain/money';
import { normaliseOrigin } from '../../domain/web-origin';
import { recordAudit } from '../audit';
import type { AppContext, CompanyAdminActor } from '../context';
import { assertCanChange, assertFullAdmin } from '../context';
import { toSettingsDto } from './settings-dto';
import { reconsiderSubsidyConsents } from './subsidy-consents';

export type SettingsPatch = {
  selfService?: SelfService;
  subsidy?: Subsidy;
  orderForm?: Partial<OrderForm>;
  deductionTerms?: string;
  deductionTermsEn?: string;
  /** Issue 15 (c): the company's own terms say the deduction follows the price list. */
  deductionFollowsPriceList?: boolean;
  widgetOrigins?: string[];
  /** Issue 16 item 3: one invoice for the company, or one per department (from the next billing). */
  invoiceSplit?: 'company' | 'department';
};

/** Issue 12.8: the sites that may frame the order page, as bare origins, normalised and unique. */
function validateWidgetOrigins(origins: string[]): string[] {
  const normalised = origins.map((origin, index) => {
    const value = normaliseOrigin(origin);
    if (value === null) {
      throw new AppError('VALIDATION_FAILED', {
        details: [{ path: `body.widgetOrigins.${index}`, problem: 'origin_invalid' }],
      });
    }
    return value;
  });
  return [...new Set(normalised)];
}

function validateFields(fields: OrderField[]): OrderField[] {
  const seen = new Set<string>();
  for (const [index, field] of fields.entries()) {
    if (seen.has(field.key)) {
      throw new AppError('VALIDATION_FAILED', {
        details: [{ path: `body.orderForm.fields.${index}.key`, message: 'duplicate key' }],
      });
    }
    seen.add(field.key);
    if (field.type === 'select' && (field.optionsEn ?? []).length > (field.options ?? []).length) {
      throw new AppError('VALIDATION_FAILED', {
        details: [
          { path: `body.orderForm.fields.${index}.optionsEn`, message: 'more English labels than options' },
        ],
      });
    }
    if (field.type === 'select' && (field.options ?? []).length === 0) {
      throw new AppError('VALIDATION_FAILED', {
        details: [{ path: `body.orderForm.fields.${index}.options`, message: 'a select needs options' }],
      });
    }
  }
  return fields.map((f) => ({
    key: f.key,
    label: f.label.trim(),
    type: f.type,
    required: f.required,
    ...(f.helpText ? { helpText: f.helpText.trim() } : {}),
    ...(f.labelEn?.trim() ? { labelEn: f.labelEn.trim() } : {}),
    ...(f.helpTextEn?.trim() ? { helpTextEn: f.helpTextEn.trim() } : {}),
    ...(f.type === 'select' ? selectOptions(f.options ?? [], f.optionsEn ?? []) : {}),
  }));
}

/** A select's options without repeats, each with its English label (kept only when one is written). */
function selectOptions(options: string[], optionsEn: string[]): { options: string[]; optionsEn?: string[] } {
  const seen = new Set<string>();
  const kept: { value: string; en: string }[] = [];
  options.forEach((value, i) => {
    if (seen.has(value)) return;
    seen.add(value);
    kept.push({ value, en: (optionsEn[i] ?? '').trim() });
  });
  const en = kept.map((o) => o.en);
  return { options: kept.map((o) => o.value), ...(en.some(Boolean) ? { optionsEn: en } : {}) };
}

/** Offered zones and categories must exist and be active in the catalog. */
async function validateOffer(tx: Tx, form: OrderForm): Promise<OrderForm> {
  const catalog = await loadCatalog(tx);
  const offeredZoneIds =
    form.offeredZoneIds === null ? null : validateZoneSelection(form.offeredZoneIds, catalog.zones);
  let offeredCategoryIds = form.offeredCategoryIds;
  if (offeredCategoryIds !== null) {
    const active = new Set(catalog.categories.filter((c) => c.active).map((c) => c.id));
    offeredCategoryIds = [...new Set(offeredCategoryIds)];
    const unknown = offeredCategoryIds.filter((id) => !active.has(id));
    if (offeredCategoryIds.length === 0 || unknown.length > 0) {
      throw new AppError('CATEGORY_UNKNOWN', { details: { categoryIds: unknown } });
    }
  }
  return { ...form, offeredZoneIds, offeredCategoryIds };
}

/**
 * Rule 2: self-service mode, order form, subsidy and deduction terms, and (issue 16 item 3) one
 * invoice for all or one per department. Audited before/after. A
 * lower subsidy that raises employees' deductions asks for their consent (issue 15 item 2).
 */
export async function updateSettings(
  ctx: AppContext,
  input: { actor: CompanyAdminActor; patch: SettingsPatch },
) {
  assertCanChange(input.actor);
  // A department admin acts on their departments' subscriptions only (issue 16 item 4).
  assertFullAdmin(input.actor);
  const { patch, actor } = input;
  const changes: CompanySettingsChanges = {};
  if (patch.selfService !== undefined) changes.selfService = patch.selfService;
  if (patch.subsidy !== undefined) changes.subsidy = validateSubsidy(patch.subsidy);
  if (patch.deductionTerms !== undefined) changes.deductionTerms = patch.deductionTerms.trim();
  if (patch.widgetOrigins !== undefined) changes.widgetOrigins = validateWidgetOrigins(patch.widgetOrigins);
  if (patch.invoiceSplit !== undefined) changes.invoiceSplit = patch.invoiceSplit;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const company = await findCompany(tx, actor.companyId, { forUpdate: true });
    if (!company) throw new AppError('NOT_FOUND');
    if (
      patch.orderForm !== undefined ||
      patch.deductionTermsEn !== undefined ||
      patch.deductionFollowsPriceList !== undefined
    ) {
      const merged: OrderForm = { ...company.orderForm, ...patch.orderForm };
      if (patch.deductionTermsEn !== undefined) merged.deductionTermsEn = patch.deductionTermsEn.trim();
      if (patch.deductionFollowsPriceList !== undefined)
        merged.deductionFollowsPriceList = patch.deductionFollowsPriceList;
      if (merged.introEn !== undefined) merged.introEn = merged.introEn.trim();
      changes.orderForm = await validateOffer(tx, { ...merged, fields: validateFields(merged.fields) });
    }
    const before = toSettingsDto(company);
    const updated = await updateCompany(tx, company.id, changes, now);
    const after = toSettingsDto(updated);
    if (
      changes.subsidy !== undefined &&
      JSON.stringify(company.subsidy) !== JSON.stringify(updated.subsidy)
    ) {
      await reconsiderSubsidyConsents(tx, ctx, {
        companyId: company.id,
        today: osloToday(now),
        prices: (await loadCatalog(tx)).prices,
        before: company.subsidy,
        after: updated.subsidy,
        changeKey: String(company.updatedAt.getTime()),
      });
    }
    const changedKeys = (Object.keys(changes) as (keyof typeof changes)[]).filter(
      (k) =>
        JSON.stringify(before[k as keyof typeof before]) !== JSON.stringify(after[k as keyof typeof after]),
    );
    if (changedKeys.length > 0) {
      await recordAudit(tx, actor, now, {
        companyId: company.id,
        action: 'company.settings_updated',
        entityType: 'company',
        entityId: company.id,
        before: Object.fromEntries(changedKeys.map((k) => [k, before[k as keyof typeof before]])),
        after: Object.fromEntries(changedKeys.map((k) => [k, after[k as keyof typeof after]])),
      });
    }
    return after;
  });
}
