import { eq } from 'drizzle-orm';
import { loadCatalog } from '../../db/repositories/catalog';
import { prices } from '../../db/schema';
import { isIsoDate, osloToday } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import type { AppContext, OperatorActor } from '../context';
import { withdrawPriceAnnouncement } from './announce-price-version';
import { markCatalogEdited } from './mark-edited';
import { assertNotInForce } from './price-version-date';

/**
 * Withdraws a price version that has not taken effect yet; past versions stay as they were. The
 * employees told of it are told it is off (issue 15).
 */
export async function deletePriceVersion(
  ctx: AppContext,
  input: { actor: OperatorActor; validFrom: string },
) {
  const now = ctx.clock.now();
  if (!isIsoDate(input.validFrom)) throw new AppError('DATE_INVALID');
  assertNotInForce(input.validFrom, osloToday(now));
  await ctx.db.transaction(async (tx) => {
    const pricesBefore = (await loadCatalog(tx)).prices;
    const removed = await tx.delete(prices).where(eq(prices.validFrom, input.validFrom)).returning({
      categoryId: prices.categoryId,
      zoneCount: prices.zoneCount,
      monthlyPriceOre: prices.monthlyPriceOre,
    });
    if (removed.length === 0) throw new AppError('NOT_FOUND');
    await markCatalogEdited(tx, now);
    await withdrawPriceAnnouncement(tx, ctx, input.validFrom, pricesBefore, now);
    await recordAudit(tx, input.actor, now, {
      companyId: null,
      action: 'price_version.withdrawn',
      entityType: 'price_version',
      entityId: input.validFrom,
      before: removed,
    });
  });
}
