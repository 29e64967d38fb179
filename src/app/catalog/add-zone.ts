import { count, eq } from 'drizzle-orm';
import { zones } from '../../db/schema';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import type { AppContext, OperatorActor } from '../context';
import { idFromName } from './catalog-id';
import { markCatalogEdited } from './mark-edited';

/** Rule 1: the operator adds a zone (in Agder, a municipality). */
export async function addZone(ctx: AppContext, input: { actor: OperatorActor; id?: string; name: string }) {
  const now = ctx.clock.now();
  const name = input.name.trim();
  const id = input.id?.trim() || idFromName(name);
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: zones.id }).from(zones).where(eq(zones.id, id));
    if (existing) throw new AppError('CONFLICT', { details: { field: 'id', id } });
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(zones);
    const [zone] = await tx.insert(zones).values({ id, name, active: true, sortOrder: n }).returning();
    await markCatalogEdited(tx, now);
    await recordAudit(tx, input.actor, now, {
      companyId: null,
      action: 'zone.added',
      entityType: 'zone',
      entityId: id,
      after: { id, name, active: true },
    });
    return { id: zone!.id, name: zone!.name, active: zone!.active };
  });
}
