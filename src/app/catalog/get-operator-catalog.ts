import { loadCatalog } from '../../db/repositories/catalog';
import { osloToday } from '../../domain/calendar';
import { MAX_PRICED_ZONES } from '../../domain/catalog';
import type { AppContext } from '../context';
import { groupVersions } from './catalog-versions';

/** The catalog as the operator edits it: zones and categories (inactive too) and every price version. */
export async function getOperatorCatalog(ctx: AppContext) {
  const today = osloToday(ctx.clock.now());
  const catalog = await loadCatalog(ctx.db);
  return {
    today,
    isExample: catalog.isExample,
    maxPricedZones: MAX_PRICED_ZONES,
    zones: catalog.zones,
    categories: catalog.categories,
    versions: groupVersions(catalog.prices, today),
  };
}

export type OperatorCatalogDto = Awaited<ReturnType<typeof getOperatorCatalog>>;
