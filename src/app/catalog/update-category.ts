import { eq } from 'drizzle-orm';
import { categories } from '../../db/schema';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import type { AppContext, OperatorActor } from '../context';
import { markCatalogEdited } from './mark-edited';

/** Renames a traveller category or (de)activates it; tickets in it keep their category. */
export async function updateCategory(
  ctx: AppContext,
  input: { actor: OperatorActor; id: string; name?: string; nameEn?: string; active?: boolean },
) {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(categories).where(eq(categories.id, input.id)).for('update');
    if (!before) throw new AppError('NOT_FOUND');
    const changes = {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.nameEn !== undefined ? { nameEn: input.nameEn.trim() } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    };
    const [after] = await tx.update(categories).set(changes).where(eq(categories.id, input.id)).returning();
    await markCatalogEdited(tx, now);
    const pick = (c: typeof before) => ({ name: c.name, nameEn: c.nameEn, active: c.active });
    await recordAudit(tx, input.actor, now, {
      companyId: null,
      action: 'category.updated',
      entityType: 'category',
      entityId: input.id,
      before: pick(before),
      after: pick(after!),
    });
    return { id: after!.id, ...pick(after!) };
  });
}
