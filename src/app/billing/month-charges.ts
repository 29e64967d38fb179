import type { Tx } from '../../db/engine';
import { billableSubscriptions, zoneSetsInMonth } from '../../db/repositories/billing';
import { type MonthCharge, MonthPriceTable, monthCharge, type ZoneSetPeriod } from '../../domain/billing';
import { firstDayOfMonth, type IsoDate, lastDayOfMonth, type YearMonth } from '../../domain/calendar';
import type { PriceVersion } from '../../domain/catalog';

export type ChargedSubscription = MonthCharge & {
  companyId: string;
  firstName: string;
  lastName: string;
  phone: string;
  fields: Record<string, string | number | boolean>;
  startDate: IsoDate;
  endDate: IsoDate | null;
};

/**
 * What each subscription of the given companies costs for the month (rules 1, 8, 11), by company,
 * in name order, by the domain's rules. Two queries for any number of companies. The provisional
 * payroll basis reads it; the billing run computes the same in SQL (docs/decisions/005).
 */
export async function loadMonthCharges(
  tx: Tx,
  companyIds: string[],
  month: YearMonth,
  prices: PriceVersion[],
): Promise<Map<string, ChargedSubscription[]>> {
  const first = firstDayOfMonth(month);
  const last = lastDayOfMonth(month);
  // One after the other: a transaction is one connection.
  const subs = await billableSubscriptions(tx, companyIds, first, last);
  const sets = await zoneSetsInMonth(tx, companyIds, first, last);
  const setsBySub = new Map<string, ZoneSetPeriod[]>();
  for (const s of sets) {
    const list = setsBySub.get(s.subscriptionId) ?? [];
    list.push({ zoneIds: s.zoneIds, validFrom: s.validFrom, validTo: s.validTo });
    setsBySub.set(s.subscriptionId, list);
  }
  const table = new MonthPriceTable(prices, month);
  const byCompany = new Map<string, ChargedSubscription[]>();
  for (const sub of subs) {
    const charge = monthCharge({ ...sub, zoneSets: setsBySub.get(sub.id) ?? [] }, table);
    if (!charge) continue;
    const list = byCompany.get(sub.companyId) ?? [];
    list.push({
      ...charge,
      companyId: sub.companyId,
      firstName: sub.firstName,
      lastName: sub.lastName,
      phone: sub.phone,
      fields: sub.fields,
      startDate: sub.startDate,
      endDate: sub.endDate,
    });
    byCompany.set(sub.companyId, list);
  }
  return byCompany;
}
