import { and, asc, eq, lte } from 'drizzle-orm';
import type { Tx } from '../engine';
import { deductionConsents } from '../schema';
import { isUuid } from './subscriptions';

export type DeductionConsentRow = typeof deductionConsents.$inferSelect;

/** The open consent request of one subscription of the company, if any. */
export async function openConsentOf(
  tx: Tx,
  companyId: string,
  subscriptionId: string,
): Promise<DeductionConsentRow | null> {
  const [row] = await tx
    .select()
    .from(deductionConsents)
    .where(
      and(
        eq(deductionConsents.companyId, companyId),
        eq(deductionConsents.subscriptionId, subscriptionId),
        eq(deductionConsents.status, 'open'),
      ),
    )
    .for('update');
  return row ?? null;
}

/** The company's open consent requests (optionally only those in force by `by`, an Oslo date), oldest first. */
export async function openConsents(
  tx: Tx,
  companyId: string,
  filter: { phone?: string; by?: string } = {},
): Promise<DeductionConsentRow[]> {
  return tx
    .select()
    .from(deductionConsents)
    .where(
      and(
        eq(deductionConsents.companyId, companyId),
        eq(deductionConsents.status, 'open'),
        filter.phone ? eq(deductionConsents.phone, filter.phone) : undefined,
        filter.by ? lte(deductionConsents.effectiveFrom, filter.by) : undefined,
      ),
    )
    .orderBy(asc(deductionConsents.createdAt));
}

/** One consent request of the company by id (any status); another company's id gives null. */
export async function findConsent(
  tx: Tx,
  companyId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<DeductionConsentRow | null> {
  if (!isUuid(id)) return null; // an id that is no uuid names no consent (and must not reach SQL)
  const query = tx
    .select()
    .from(deductionConsents)
    .where(and(eq(deductionConsents.companyId, companyId), eq(deductionConsents.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertConsent(
  tx: Tx,
  values: typeof deductionConsents.$inferInsert,
): Promise<DeductionConsentRow> {
  const [row] = await tx.insert(deductionConsents).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateConsent(
  tx: Tx,
  companyId: string,
  id: string,
  changes: Partial<typeof deductionConsents.$inferInsert>,
): Promise<DeductionConsentRow> {
  const [row] = await tx
    .update(deductionConsents)
    .set(changes)
    .where(and(eq(deductionConsents.companyId, companyId), eq(deductionConsents.id, id)))
    .returning();
  if (!row) throw new Error('consent not found for update');
  return row;
}
