import { compareDates, type IsoDate } from '../../domain/calendar';
import type { PriceVersion } from '../../domain/catalog';

export type VersionState = 'past' | 'current' | 'future';

/** Groups prices by valid-from date, newest first: the latest date ≤ today is current (rule 1). */
export function groupVersions(prices: PriceVersion[], today: IsoDate) {
  const dates = [...new Set(prices.map((p) => p.validFrom))].sort((a, b) => compareDates(b, a));
  const current = dates.find((d) => compareDates(d, today) <= 0);
  return dates.map((validFrom) => ({
    validFrom,
    state: (validFrom === current
      ? 'current'
      : compareDates(validFrom, today) > 0
        ? 'future'
        : 'past') as VersionState,
    prices: prices
      .filter((p) => p.validFrom === validFrom)
      .map(({ categoryId, zoneCount, monthlyPriceOre }) => ({ categoryId, zoneCount, monthlyPriceOre })),
  }));
}
