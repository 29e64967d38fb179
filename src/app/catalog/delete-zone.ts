import { eq } from 'drizzle-orm';
import { zoneInUse } from '../../db/repositories/operator';
import { zones } from '../../db/schema';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import type { AppContext, OperatorActor } from '../context';
import { markCatalogEdited } from './mark-edited';

/** Only a zone no ticket ever covered and no company offers may be deleted (a typo); else ZONE_IN_USE. */
export async function deleteZone(ctx: AppContext, input: { actor: OperatorActor; id: string }) {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(zones).where(eq(zones.id, input.id)).for('update');
    if (!before) throw new AppError('NOT_FOUND');
    if (await zoneInUse(tx, input.id)) throw new AppError('ZONE_IN_USE', { details: { zoneId: input.id } });
    await tx.delete(zones).where(eq(zones.id, input.id));
    await markCatalogEdited(tx, now);
    await recordAudit(tx, input.actor, now, {
      companyId: null,
      action: 'zone.deleted',
      entityType: 'zone',
      entityId: input.id,
      before: { name: before.name, active: before.active },
    });
  });
}
