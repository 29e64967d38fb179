import { type BillableSubscription, MonthPriceTable, monthCharge } from '../../domain/billing';
import { compareDates, type IsoDate, monthOf } from '../../domain/calendar';
import { type PriceVersion, pricedZoneCount } from '../../domain/catalog';
import type { Ore } from '../../domain/money';

export type BilledSubscription = BillableSubscription & { companyId: string };

export interface PriceImpact {
  month: string;
  subscriptions: number;
  companies: number;
  revenueBeforeOre: Ore;
  revenueAfterOre: Ore;
}

/** The month's charge (rules 8 and 11), or 0 where a price is missing. */
export function chargeOf(table: MonthPriceTable, sub: BillableSubscription): Ore {
  try {
    return monthCharge(sub, table)?.priceOre ?? 0;
  } catch {
    return 0;
  }
}

/**
 * The preview of a new price version (rule 1): the month that starts on its valid-from date,
 * priced without and with it. "Touched" are the subscriptions billed that month whose category
 * and zone count the version prices, and their companies.
 */
export function priceImpact(
  current: PriceVersion[],
  version: { validFrom: IsoDate; prices: Omit<PriceVersion, 'validFrom'>[] },
  billed: BilledSubscription[],
): PriceImpact {
  const month = monthOf(version.validFrom);
  const others = current.filter((p) => compareDates(p.validFrom, version.validFrom) !== 0);
  const withVersion = [...others, ...version.prices.map((p) => ({ ...p, validFrom: version.validFrom }))];
  const before = new MonthPriceTable(others, month);
  const after = new MonthPriceTable(withVersion, month);
  const covered = new Set(version.prices.map((p) => `${p.categoryId}|${p.zoneCount}`));
  const inMonth = billed.filter((s) => chargeOf(after, s) > 0 || chargeOf(before, s) > 0);
  const touched = inMonth.filter((s) =>
    s.zoneSets.some(
      (z) => z.zoneIds.length > 0 && covered.has(`${s.categoryId}|${pricedZoneCount(z.zoneIds.length)}`),
    ),
  );
  return {
    month,
    subscriptions: touched.length,
    companies: new Set(touched.map((s) => s.companyId)).size,
    revenueBeforeOre: inMonth.reduce((sum, s) => sum + chargeOf(before, s), 0),
    revenueAfterOre: inMonth.reduce((sum, s) => sum + chargeOf(after, s), 0),
  };
}
