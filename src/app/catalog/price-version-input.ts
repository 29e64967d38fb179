import { inArray } from 'drizzle-orm';
import type { Tx } from '../../db/engine';
import { categories } from '../../db/schema';
import type { PricedZoneCount } from '../../domain/catalog';
import { AppError } from '../../domain/errors';

export interface VersionPrice {
  categoryId: string;
  zoneCount: PricedZoneCount;
  monthlyPriceOre: number;
}

/** Each price names a known category and a zone count at most once. */
export async function checkVersionPrices(tx: Tx, prices: VersionPrice[]): Promise<VersionPrice[]> {
  if (prices.length === 0) throw new AppError('VALIDATION_FAILED', { details: [{ path: 'body.prices' }] });
  const keys = prices.map((p) => `${p.categoryId}|${p.zoneCount}`);
  const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
  if (duplicate) throw new AppError('VALIDATION_FAILED', { details: [{ path: 'body.prices', duplicate }] });
  const ids = [...new Set(prices.map((p) => p.categoryId))];
  const known = await tx.select({ id: categories.id }).from(categories).where(inArray(categories.id, ids));
  const unknown = ids.filter((id) => !known.some((k) => k.id === id));
  if (unknown.length > 0) throw new AppError('CATEGORY_UNKNOWN', { details: { categoryIds: unknown } });
  return prices;
}
