import {
  loadCatalog,
  loadDefaultCategoryIds,
  loadFareProducts,
  priceKey,
} from '../../db/repositories/catalog';
import type { AppContext } from '../context';
import { toCsv } from './csv';
import type { CatalogFileName } from './gtfs-files';

/**
 * The whole catalog (past versions included) as GTFS-Fares-v2-shaped CSV files. The product stores
 * prices per category, zone count and date: each price keeps the fare_product_id and
 * fare_product_name of the imported row that gave it (the first, when several fare media or
 * products share one price: those rows become one), and a price entered in the product, or one
 * whose kept id would repeat GTFS's key (id, category) in the export, gets them derived
 * (`voksen-1-2027-02-01`, "Voksen 1 sone(r)"). fare_media_id is not kept.
 */
export async function exportCatalog(ctx: AppContext): Promise<Record<CatalogFileName, string>> {
  const catalog = await loadCatalog(ctx.db);
  const defaults = await loadDefaultCategoryIds(ctx.db);
  const products = await loadFareProducts(ctx.db);
  const usedKeys = new Set<string>();
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
        const derived = {
          fareProductId: `${p.categoryId}-${zones}-${p.validFrom}`,
          fareProductName: `${category?.name ?? p.categoryId} ${zones === '3plus' ? '3+' : zones} sone(r)`,
        };
        const kept = products.get(priceKey(p));
        // GTFS's key within one price version: a kept id used twice falls back to the derived one.
        const keyOf = (id: string) => JSON.stringify([id, p.categoryId, p.validFrom]);
        const product = kept && !usedKeys.has(keyOf(kept.fareProductId)) ? kept : derived;
        usedKeys.add(keyOf(product.fareProductId));
        return [
          product.fareProductId,
          product.fareProductName,
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
