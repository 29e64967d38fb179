import { and, count, eq, gt, isNull } from 'drizzle-orm';
import type { Tx } from '../engine';
import { passkeys, webauthnChallenges } from '../schema';

export type PasskeyRow = typeof passkeys.$inferSelect;

export function listPasskeys(tx: Tx, userId: string): Promise<PasskeyRow[]> {
  return tx.select().from(passkeys).where(eq(passkeys.userId, userId));
}

export async function countPasskeys(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId));
  return Number(row?.n ?? 0);
}

export async function findPasskey(tx: Tx, credentialId: string): Promise<PasskeyRow | null> {
  const [row] = await tx.select().from(passkeys).where(eq(passkeys.credentialId, credentialId));
  return row ?? null;
}

export async function insertPasskey(
  tx: Tx,
  values: {
    userId: string;
    credentialId: string;
    publicKey: string;
    counter: number;
    transports: string[];
    now: Date;
  },
): Promise<PasskeyRow> {
  const [row] = await tx
    .insert(passkeys)
    .values({ ...values, createdAt: values.now })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function recordPasskeyUse(tx: Tx, id: string, counter: number, now: Date): Promise<void> {
  await tx.update(passkeys).set({ counter, lastUsedAt: now }).where(eq(passkeys.id, id));
}

export async function insertChallenge(
  tx: Tx,
  values: { challenge: string; purpose: 'register' | 'authenticate'; userId: string | null; expiresAt: Date },
): Promise<void> {
  await tx.insert(webauthnChallenges).values(values);
}

/** Uses a live challenge once: the row for the one request that marks it used, else null. */
export async function consumeChallenge(
  tx: Tx,
  challenge: string,
  purpose: 'register' | 'authenticate',
  now: Date,
): Promise<{ userId: string | null } | null> {
  const [row] = await tx
    .update(webauthnChallenges)
    .set({ usedAt: now })
    .where(
      and(
        eq(webauthnChallenges.challenge, challenge),
        eq(webauthnChallenges.purpose, purpose),
        isNull(webauthnChallenges.usedAt),
        gt(webauthnChallenges.expiresAt, now),
      ),
    )
    .returning({ userId: webauthnChallenges.userId });
  return row ?? null;
}
