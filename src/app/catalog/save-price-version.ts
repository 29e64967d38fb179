import { eq } from 'drizzle-orm';
import { loadCatalog } from '../../db/repositories/catalog';
import { prices } from '../../db/schema';
import { osloToday } from '../../domain/calendar';
import { recordAudit } from '../audit';
import type { AppContext, OperatorActor } from '../context';
import { announcePriceVersion } from './announce-price-version';
import { markCatalogEdited } from './mark-edited';
import { assertVersionAhead } from './price-version-date';
import { checkVersionPrices, type VersionPrice } from './price-version-input';

/**
 * Enters (or replaces, while it lies ahead) the price version valid from a coming 1st (rule 1).
 * It takes effect on its date by itself: prices are looked up by date. Saving publishes it: every
 * employee whose deduction it changes is told by SMS (issue 15), in the same transaction.
 */
export async function savePriceVersion(
  ctx: AppContext,
  input: { actor: OperatorActor; validFrom: string; prices: VersionPrice[] },
) {
  const now = ctx.clock.now();
  const validFrom = assertVersionAhead(input.validFrom, osloToday(now));
  return ctx.db.transaction(async (tx) => {
    const list = await checkVersionPrices(tx, input.prices);
    const before = await tx.delete(prices).where(eq(prices.validFrom, validFrom)).returning({
      categoryId: prices.categoryId,
      zoneCount: prices.zoneCount,
      monthlyPriceOre: prices.monthlyPriceOre,
    });
    const rows = list.map((p) => ({ ...p, validFrom, createdBy: input.actor.userId, createdAt: now }));
    await tx.insert(prices).values(rows);
    await markCatalogEdited(tx, now);
    const announced = await announcePriceVersion(tx, ctx, validFrom, (await loadCatalog(tx)).prices);
    await recordAudit(tx, input.actor, now, {
      companyId: null,
      action: before.length > 0 ? 'price_version.replaced' : 'price_version.added',
      entityType: 'price_version',
      entityId: validFrom,
      before: before.length > 0 ? before : null,
      after: list,
    });
    return { validFrom, prices: list, announced };
  });
}
