import { count, eq } from 'drizzle-orm';
import { categories } from '../../db/schema';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import type { AppContext, OperatorActor } from '../context';
import { idFromName } from './catalog-id';
import { markCatalogEdited } from './mark-edited';

/** Adds a traveller category; it is offered once it has prices (ordering needs one). */
export async function addCategory(
  ctx: AppContext,
  input: { actor: OperatorActor; id?: string; name: string; nameEn: string },
) {
  const now = ctx.clock.now();
  const name = input.name.trim();
  const id = input.id?.trim() || idFromName(name);
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, id));
    if (existing) throw new AppError('CONFLICT', { details: { field: 'id', id } });
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(categories);
    const values = { id, name, nameEn: input.nameEn.trim(), active: true, sortOrder: n };
    await tx.insert(categories).values(values);
    await markCatalogEdited(tx, now);
    await recordAudit(tx, input.actor, now, {
      companyId: null,
      action: 'category.added',
      entityType: 'category',
      entityId: id,
      after: values,
    });
    return { id, name: values.name, nameEn: values.nameEn, active: true };
  });
}
