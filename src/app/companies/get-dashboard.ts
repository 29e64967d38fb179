import { loadCatalog } from '../../db/repositories/catalog';
import { findCompany } from '../../db/repositories/companies';
import { openConsents } from '../../db/repositories/deduction-consents';
import { listSubscriptions } from '../../db/repositories/subscriptions';
import { MonthPriceTable, monthCharge } from '../../domain/billing';
import { monthOf, osloToday } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { splitCost } from '../../domain/money';
import { deriveStatus, type SubscriptionStatus } from '../../domain/subscription';
import type { AppContext, CompanyAdminActor } from '../context';
import { departmentFilter, passesDepartmentFilter } from '../departments/department-filter';

/**
 * Counts per status and this month's cost: every subscription valid in the month at its full price
 * (rules 8 and 11, via monthCharge), split with the company's subsidy; and the open consents to
 * a raised deduction (issue 15), oldest first.
 */
export async function getDashboard(ctx: AppContext, input: { actor: CompanyAdminActor }) {
  const now = ctx.clock.now();
  const month = monthOf(osloToday(now));
  const company = await findCompany(ctx.db, input.actor.companyId);
  if (!company) throw new AppError('NOT_FOUND');
  const [all, catalog] = await Promise.all([listSubscriptions(ctx.db, company.id), loadCatalog(ctx.db)]);
  // Issue 16 item 4: a department admin's figures cover their departments only.
  const scope = departmentFilter(input.actor, undefined);
  const subs = all.filter((s) => passesDepartmentFilter(scope, s.departmentId));
  const visible = new Set(subs.map((s) => s.id));
  const counts: Record<SubscriptionStatus, number> = {
    pending: 0,
    approved: 0,
    active: 0,
    ended: 0,
    rejected: 0,
    cancelled: 0,
  };
  const table = new MonthPriceTable(catalog.prices, month);
  const cost = { subscriptions: 0, priceOre: 0, companyShareOre: 0, deductionOre: 0 };
  for (const sub of subs) {
    counts[deriveStatus(sub, now)] += 1;
    const charge = monthCharge(sub, table);
    if (charge === null) continue;
    const split = splitCost(charge.priceOre, company.subsidy);
    cost.subscriptions += 1;
    cost.priceOre += split.priceOre;
    cost.companyShareOre += split.companyShareOre;
    cost.deductionOre += split.deductionOre;
  }
  const names = new Map(subs.map((s) => [s.id, `${s.firstName} ${s.lastName}`]));
  const openConsentRows = (await openConsents(ctx.db, company.id)).filter((c) =>
    visible.has(c.subscriptionId),
  );
  return {
    month,
    counts,
    monthlyCost: cost,
    // Issue 15: raised deductions the employees have not yet agreed to.
    openConsents: openConsentRows.map((c) => ({
      subscriptionId: c.subscriptionId,
      name: names.get(c.subscriptionId) ?? '',
      consentedDeductionOre: c.consentedDeductionOre,
      deductionOre: c.deductionOre,
      effectiveFrom: c.effectiveFrom,
      since: c.createdAt.toISOString(),
    })),
  };
}
