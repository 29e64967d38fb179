import { compareDates, firstDayOfMonth, type IsoDate, type YearMonth } from './calendar';
import { AppError } from './errors';
import type { Ore } from './money';

/** In Agder one zone is one municipality. */
export type Zone = { id: string; name: string; active: boolean };
export type Category = { id: string; name: string; nameEn: string; active: boolean };
export type PricedZoneCount = 1 | 2 | 3;
export type PriceVersion = {
  categoryId: string;
  zoneCount: PricedZoneCount;
  monthlyPriceOre: Ore;
  validFrom: IsoDate;
};

/** Rule 1: 3 or more zones cost the 3-zone price. */
export const MAX_PRICED_ZONES = 3;

export function pricedZoneCount(n: number): PricedZoneCount {
  if (!Number.isInteger(n) || n < 1) throw new AppError('ZONES_REQUIRED', { details: { zoneCount: n } });
  return Math.min(n, MAX_PRICED_ZONES) as PricedZoneCount;
}

/** The price valid on date: the version with the latest validFrom ≤ date (rule 1). */
export function priceOn(prices: PriceVersion[], categoryId: string, zoneCount: number, date: IsoDate): Ore {
  const priced = pricedZoneCount(zoneCount);
  let best: PriceVersion | null = null;
  for (const p of prices) {
    if (p.categoryId !== categoryId || p.zoneCount !== priced) continue;
    if (compareDates(p.validFrom, date) > 0) continue;
    if (!best || compareDates(p.validFrom, best.validFrom) > 0) best = p;
  }
  if (!best) throw new AppError('PRICE_MISSING', { details: { categoryId, zoneCount: priced, date } });
  return best.monthlyPriceOre;
}

/** Rule 1: a month is priced with the prices valid on its first day. */
export function priceForMonth(
  prices: PriceVersion[],
  categoryId: string,
  zoneCount: number,
  m: YearMonth,
): Ore {
  return priceOn(prices, categoryId, zoneCount, firstDayOfMonth(m));
}

/**
 * Distinct zone ids (first occurrence order), at least one, each known, active and, when the
 * company limits the offer, offered. ZONE_UNKNOWN details: { zoneIds: string[] } (the rejected ids).
 */
export function validateZoneSelection(zoneIds: string[], zones: Zone[], offered?: string[]): string[] {
  const distinct = [...new Set(zoneIds)];
  if (distinct.length === 0) throw new AppError('ZONES_REQUIRED');
  const active = new Set(zones.filter((z) => z.active).map((z) => z.id));
  const allowed = offered ? new Set(offered) : null;
  const rejected = distinct.filter((id) => !active.has(id) || (allowed !== null && !allowed.has(id)));
  if (rejected.length > 0) throw new AppError('ZONE_UNKNOWN', { details: { zoneIds: rejected } });
  return distinct;
}

/** The longest zone or category id (in characters), as the routes take it. */
export const MAX_CATALOG_ID_LENGTH = 64;

/**
 * A zone or category id, GTFS style: any UTF-8 text (GTFS "ID": "any sequence of UTF-8
 * characters"), 1–64 characters, not blank, without control characters, U+FFFD or unpaired
 * surrogates (they cannot be stored or shown). Spaces, commas, quotes and letters of any script
 * are fine: the CSV writer quotes them and the web app encodes them in paths.
 */
export function isCatalogId(id: string): boolean {
  return (
    id.trim() !== '' &&
    [...id].length <= MAX_CATALOG_ID_LENGTH &&
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
    !/[\u0000-\u001F\u007F-\u009F\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(
      id,
    )
  );
}
