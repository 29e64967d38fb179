import { loadCatalog } from '../../db/repositories/catalog';
import { subscriptionsValidBetween } from '../../db/repositories/operator';
import { firstDayOfMonth, lastDayOfMonth, monthOf, osloToday, startOfDayOslo } from '../../domain/calendar';
import type { AppContext } from '../context';
import { priceImpact } from './price-impact';
import { assertVersionAhead } from './price-version-date';
import { checkVersionPrices, type VersionPrice } from './price-version-input';

/**
 * Before saving: how many subscriptions and companies the version touches in the month it starts,
 * and that month's revenue before and after (the tickets valid in it today, at full monthly price).
 */
export async function previewPriceVersion(
  ctx: AppContext,
  input: { validFrom: string; prices: VersionPrice[] },
) {
  const validFrom = assertVersionAhead(input.validFrom, osloToday(ctx.clock.now()));
  const list = await checkVersionPrices(ctx.db, input.prices);
  const catalog = await loadCatalog(ctx.db);
  const month = monthOf(validFrom);
  const first = firstDayOfMonth(month);
  const spans = await subscriptionsValidBetween(ctx.db, first, lastDayOfMonth(month), startOfDayOslo(first));
  return priceImpact(catalog.prices, { validFrom, prices: list }, spans);
}
