import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Tx } from '../engine';
import { verificationCodes } from '../schema';

export type VerificationCodeRow = typeof verificationCodes.$inferSelect;

/**
 * Stores a new login code for phone + company and deletes the older ones, so only the newest
 * code can ever be used (rule 4: the code is bound to that request).
 */
export async function replaceCode(
  tx: Tx,
  values: { companyId: string; phone: string; codeHash: string; expiresAt: Date; createdAt: Date },
): Promise<VerificationCodeRow> {
  await tx
    .delete(verificationCodes)
    .where(and(eq(verificationCodes.companyId, values.companyId), eq(verificationCodes.phone, values.phone)));
  const [row] = await tx.insert(verificationCodes).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** The newest code for phone + company (there is at most one), or null. */
export async function findCurrentCode(tx: Tx, companyId: string, phone: string) {
  const [row] = await tx
    .select()
    .from(verificationCodes)
    .where(and(eq(verificationCodes.companyId, companyId), eq(verificationCodes.phone, phone)))
    .orderBy(desc(verificationCodes.createdAt))
    .limit(1);
  return row ?? null;
}

/** Counts one wrong try atomically; returns the tries so far, or null if the code is already dead. */
export async function countWrongTry(tx: Tx, id: string, maxTries: number): Promise<number | null> {
  const [row] = await tx
    .update(verificationCodes)
    .set({ attempts: sql`${verificationCodes.attempts} + 1` })
    .where(
      and(
        eq(verificationCodes.id, id),
        isNull(verificationCodes.usedAt),
        lt(verificationCodes.attempts, maxTries),
      ),
    )
    .returning({ attempts: verificationCodes.attempts });
  return row?.attempts ?? null;
}

/** Marks the code used; false when another request used it first (single use under races). */
export async function consumeCode(tx: Tx, id: string, maxTries: number, now: Date): Promise<boolean> {
  const rows = await tx
    .update(verificationCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(verificationCodes.id, id),
        isNull(verificationCodes.usedAt),
        lt(verificationCodes.attempts, maxTries),
      ),
    )
    .returning({ id: verificationCodes.id });
  return rows.length > 0;
}
