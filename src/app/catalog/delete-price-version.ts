import { eq } from 'drizzle-orm';
import { prices } from '../../db/schema';
import { isIsoDate, osloToday } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import type { AppContext, OperatorActor } from '../context';
import { markCatalogEdited } from './mark-edited';
import { assertNotInForce } from './price-version-date';

/** Withdraws a price version that has not taken effect yet; past versions stay as they were. */
export async function deletePriceVersion(
  ctx: AppContext,
  input: { actor: OperatorActor; validFrom: string },
) {
  const now = ctx.clock.now();
  if (!isIsoDate(input.validFrom)) throw new AppError('DATE_INVALID');
  assertNotInForce(input.validFrom, osloToday(now));
  await ctx.db.transaction(async (tx) => {
    const removed = await tx.delete(prices).where(eq(prices.validFrom, input.validFrom)).returning({
      categoryId: prices.categoryId,
      zoneCount: prices.zoneCount,
      monthlyPriceOre: prices.monthlyPriceOre,
    });
    if (removed.length === 0) throw new AppError('NOT_FOUND');
    await markCatalogEdited(tx, now);
    await recordAudit(tx, input.actor, now, {
      companyId: null,
      action: 'price_version.withdrawn',
      entityType: 'price_version',
      entityId: input.validFrom,
      before: removed,
    });
  });
}
