import { eq } from 'drizzle-orm';
import { zones } from '../../db/schema';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import type { AppContext, OperatorActor } from '../context';
import { markCatalogEdited } from './mark-edited';

/** Renames a zone or (de)activates it; a deactivated zone is kept for the tickets that cover it. */
export async function updateZone(
  ctx: AppContext,
  input: { actor: OperatorActor; id: string; name?: string; active?: boolean },
) {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(zones).where(eq(zones.id, input.id)).for('update');
    if (!before) throw new AppError('NOT_FOUND');
    const changes = {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    };
    const [after] = await tx.update(zones).set(changes).where(eq(zones.id, input.id)).returning();
    await markCatalogEdited(tx, now);
    await recordAudit(tx, input.actor, now, {
      companyId: null,
      action: input.active === false ? 'zone.deactivated' : 'zone.updated',
      entityType: 'zone',
      entityId: input.id,
      before: { name: before.name, active: before.active },
      after: { name: after!.name, active: after!.active },
    });
    return { id: after!.id, name: after!.name, active: after!.active };
  });
}
