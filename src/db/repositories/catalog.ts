import { asc, eq } from 'drizzle-orm';
import type { Category, PriceVersion, Zone } from '../../domain/catalog';
import type { Tx } from '../engine';
import { catalogMeta, categories, prices, zones } from '../schema';

export interface CatalogSnapshot {
  isExample: boolean;
  zones: Zone[];
  categories: Category[];
  prices: PriceVersion[];
}

/** The fare catalog is the operator's, shared by all companies: not company-scoped. */
export async function loadCatalog(tx: Tx): Promise<CatalogSnapshot> {
  // One after another: inside a transaction there is one connection, which runs one query at a time.
  const zoneRows = await tx.select().from(zones).orderBy(asc(zones.sortOrder), asc(zones.name));
  const categoryRows = await tx.select().from(categories).orderBy(asc(categories.sortOrder));
  const priceRows = await tx
    .select()
    .from(prices)
    .orderBy(asc(prices.categoryId), asc(prices.zoneCount), asc(prices.validFrom));
  const meta = await tx.select().from(catalogMeta);
  return {
    isExample: meta[0]?.isExample ?? false,
    zones: zoneRows.map((z) => ({ id: z.id, name: z.name, active: z.active })),
    categories: categoryRows.map((c) => ({ id: c.id, name: c.name, nameEn: c.nameEn, active: c.active })),
    prices: priceRows.map((p) => ({
      categoryId: p.categoryId,
      zoneCount: p.zoneCount as 1 | 2 | 3,
      monthlyPriceOre: p.monthlyPriceOre,
      validFrom: p.validFrom,
    })),
  };
}

/** The ids of the categories marked GTFS `is_default_fare_category` (kept for the export). */
export async function loadDefaultCategoryIds(tx: Tx): Promise<Set<string>> {
  const rows = await tx
    .select({ id: categories.id })
    .from(categories)
    .where(eq(categories.isDefaultFareCategory, true));
  return new Set(rows.map((r) => r.id));
}

/**
 * The GTFS fare_product_id and fare_product_name kept from an import, by price (category, zone
 * count, valid-from date); prices entered in the product have none.
 */
export async function loadFareProducts(
  tx: Tx,
): Promise<Map<string, { fareProductId: string; fareProductName: string }>> {
  const rows = await tx
    .select({
      categoryId: prices.categoryId,
      zoneCount: prices.zoneCount,
      validFrom: prices.validFrom,
      fareProductId: prices.fareProductId,
      fareProductName: prices.fareProductName,
    })
    .from(prices);
  const out = new Map<string, { fareProductId: string; fareProductName: string }>();
  for (const r of rows) {
    if (r.fareProductId === null) continue;
    out.set(priceKey(r), { fareProductId: r.fareProductId, fareProductName: r.fareProductName ?? '' });
  }
  return out;
}

/** The key of a price: category, zone count and valid-from date. */
export function priceKey(p: { categoryId: string; zoneCount: number; validFrom: string }): string {
  return JSON.stringify([p.categoryId, p.zoneCount, p.validFrom]);
}
