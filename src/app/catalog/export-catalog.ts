import { loadCatalog, loadDefaultCategoryIds } from '../../db/repositories/catalog';
import type { AppContext } from '../context';
import { toCsv } from './csv';
import type { CatalogFileName } from './gtfs-files';

/**
 * The whole catalog (past versions included) as GTFS-Fares-v2-shaped CSV files. The product stores
 * prices per category, zone count and date, not fare products: fare_product_id and
 * fare_product_name are derived from those (`voksen-1-2027-02-01`, "Voksen 1 sone(r)"), so an
 * imported file's own product ids are not kept.
 */
export async function exportCatalog(ctx: AppContext): Promise<Record<CatalogFileName, string>> {
  const catalog = await loadCatalog(ctx.db);
  const defaults = await loadDefaultCategoryIds(ctx.db);
  const zoneSuffix = (n: number) => (n >= 3 ? '3plus' : String(n));
  return {
    'areas.txt': toCsv(
      ['area_id', 'area_name', 'active'],
      catalog.zones.map((z) => [z.id, z.name, z.active ? 1 : 0]),
    ),
    'rider_categories.txt': toCsv(
      [
        'rider_category_id',
        'rider_category_name',
        'rider_category_name_en',
        'is_default_fare_category',
        'active',
      ],
      catalog.categories.map((c) => [c.id, c.name, c.nameEn, defaults.has(c.id) ? 1 : 0, c.active ? 1 : 0]),
    ),
    'fare_products.txt': toCsv(
      [
        'fare_product_id',
        'fare_product_name',
        'rider_category_id',
        'amount',
        'currency',
        'zone_count',
        'valid_from',
      ],
      catalog.prices.map((p) => {
        const category = catalog.categories.find((c) => c.id === p.categoryId);
        const zones = zoneSuffix(p.zoneCount);
        return [
          `${p.categoryId}-${zones}-${p.validFrom}`,
          `${category?.name ?? p.categoryId} ${zones === '3plus' ? '3+' : zones} sone(r)`,
          p.categoryId,
          { ore: p.monthlyPriceOre },
          'NOK',
          p.zoneCount,
          p.validFrom,
        ];
      }),
    ),
  };
}
