import { eq, sql } from 'drizzle-orm';
import type { Category, PriceVersion, Zone } from '../../domain/catalog';
import type { Tx } from '../engine';
import { categories, prices } from '../schema';

export interface CatalogSnapshot {
  isExample: boolean;
  zones: Zone[];
  categories: Category[];
  prices: PriceVersion[];
}

const parsed = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/**
 * The fare catalog is the operator's, shared by all companies: not company-scoped. One statement
 * (issue 17 item 2: the order page read it in four): zones by sort order and name, categories by
 * sort order, prices by category, zone count and valid-from date.
 */
export async function loadCatalog(tx: Tx): Promise<CatalogSnapshot> {
  const result = (await tx.execute(sql`
    select
      (select coalesce(json_agg(json_build_object('id', z.id, 'name', z.name, 'active', z.active)
        order by z.sort_order, z.name), '[]') from zones z) as zones,
      (select coalesce(json_agg(json_build_object('id', c.id, 'name', c.name, 'nameEn', c.name_en,
        'active', c.active) order by c.sort_order), '[]') from categories c) as categories,
      (select coalesce(json_agg(json_build_object('categoryId', p.category_id, 'zoneCount', p.zone_count,
        'monthlyPriceOre', p.monthly_price_ore, 'validFrom', p.valid_from)
        order by p.category_id, p.zone_count, p.valid_from), '[]') from prices p) as prices,
      (select m.is_example from catalog_meta m limit 1) as is_example`)) as unknown as {
    rows: Record<string, unknown>[];
  };
  const row = result.rows[0] ?? {};
  return {
    isExample: row.is_example === true || row.is_example === 't',
    zones: parsed<Zone[]>(row.zones ?? '[]'),
    categories: parsed<Category[]>(row.categories ?? '[]'),
    prices: parsed<PriceVersion[]>(row.prices ?? '[]'),
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
