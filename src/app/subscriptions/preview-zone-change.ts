import { loadCatalog } from '../../db/repositories/catalog';
import { findCompany } from '../../db/repositories/companies';
import { findSubscription } from '../../db/repositories/subscriptions';
import { MonthPriceTable, monthCharge, zoneSetsWithChange } from '../../domain/billing';
import { compareDates, type IsoDate, monthOf, osloToday } from '../../domain/calendar';
import { validateZoneSelection } from '../../domain/catalog';
import { AppError } from '../../domain/errors';
import { type ChangeEffective, zoneChangeFrom } from '../../domain/subscription';
import { type AppContext, assertInDepartmentScope, type CompanyAdminActor } from '../context';
import { monthlySplit } from './deduction-consent';

/** The zones in force on `date`: the newest set that had begun by then. */
function zonesOn(sets: { zoneIds: string[]; validFrom: IsoDate }[], date: IsoDate): string[] {
  const begun = sets.filter((z) => compareDates(z.validFrom, date) <= 0);
  return (begun.at(-1) ?? sets[0])?.zoneIds ?? [];
}

/**
 * Rule 8 and issue 16 item 8, before confirming a zone change: the monthly price, the company's
 * share and the employee's deduction before and after (on the date the change takes effect),
 * what each month from this one to that date is billed before and after (a month with both sets
 * costs the dearer), and whether the deduction rises (the employee must agree first, rule 13).
 * Reads only; the same checks as the change itself (zones, dates) give the same errors.
 */
export async function previewZoneChange(
  ctx: AppContext,
  input: { actor: CompanyAdminActor; id: string; zoneIds: string[]; effective: ChangeEffective },
) {
  const now = ctx.clock.now();
  const today = osloToday(now);
  const { companyId } = input.actor;
  const sub = await findSubscription(ctx.db, companyId, input.id);
  if (!sub) throw new AppError('NOT_FOUND');
  // Issue 16 item 4: a department admin reaches only their departments' subscriptions.
  assertInDepartmentScope(input.actor, sub.departmentId);
  const from = zoneChangeFrom(sub, input.effective, today);
  const catalog = await loadCatalog(ctx.db);
  const zoneIds = validateZoneSelection(input.zoneIds, catalog.zones);
  const company = await findCompany(ctx.db, companyId);
  const subsidy = company?.subsidy ?? { type: 'none' as const };
  const ticket = (ids: string[]) => ({ categoryId: sub.categoryId, zoneCount: ids.length });
  const before = monthlySplit(catalog.prices, subsidy, ticket(zonesOn(sub.zoneSets, from)), from);
  const after = monthlySplit(catalog.prices, subsidy, ticket(zoneIds), from);
  if (!before || !after) throw new AppError('PRICE_MISSING', { details: { month: monthOf(from) } });
  const changed = { ...sub, zoneSets: zoneSetsWithChange(sub.zoneSets, zoneIds, from) };
  const months = [...new Set([monthOf(today), monthOf(from)])].sort().map((month) => {
    const table = new MonthPriceTable(catalog.prices, month);
    return {
      month,
      beforeOre: monthCharge(sub, table)?.priceOre ?? null,
      afterOre: monthCharge(changed, table)?.priceOre ?? null,
    };
  });
  return {
    effective: input.effective,
    from,
    zoneIds,
    before,
    after,
    months,
    deductionRises: after.deductionOre > before.deductionOre,
  };
}
