import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { SecondFactorPolicy } from '../../domain/second-factor';
import type { Tx } from '../engine';
import { recoveryCodes, securitySettings, users } from '../schema';

/** The operator's second-factor rules; both off until the operator sets them. */
export async function getSecuritySettings(tx: Tx): Promise<SecondFactorPolicy> {
  const [row] = await tx.select().from(securitySettings).where(eq(securitySettings.id, 'default'));
  return {
    requireSecondFactorStaff: row?.requireSecondFactorStaff ?? false,
    requireSecondFactorAdmins: row?.requireSecondFactorAdmins ?? false,
  };
}

export async function saveSecuritySettings(tx: Tx, policy: SecondFactorPolicy, now: Date): Promise<void> {
  await tx
    .insert(securitySettings)
    .values({ id: 'default', ...policy, updatedAt: now })
    .onConflictDoUpdate({ target: securitySettings.id, set: { ...policy, updatedAt: now } });
}

/** Stores a (not yet confirmed) TOTP secret, sealed; a confirmed one is never replaced here. */
export async function setPendingTotpSecret(tx: Tx, userId: string, sealedSecret: string): Promise<boolean> {
  const rows = await tx
    .update(users)
    .set({ totpSecret: sealedSecret })
    .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  return rows.length === 1;
}

/**
 * Records an accepted code's time step, only if it is later than the last one: of two requests
 * with the same code, one wins (the conditional update decides, not the process).
 */
export async function acceptTotpStep(
  tx: Tx,
  userId: string,
  timeStep: number,
  options: { enableAt?: Date } = {},
): Promise<boolean> {
  const rows = await tx
    .update(users)
    .set({ totpLastTimeStep: timeStep, ...(options.enableAt ? { totpEnabledAt: options.enableAt } : {}) })
    .where(
      and(
        eq(users.id, userId),
        sql`coalesce(${users.totpLastTimeStep}, -1) < ${timeStep}`,
        options.enableAt ? isNull(users.totpEnabledAt) : sql`${users.totpEnabledAt} is not null`,
      ),
    )
    .returning({ id: users.id });
  return rows.length === 1;
}

/** Replaces the user's recovery codes (old ones, used or not, are deleted) by the given hashes. */
export async function replaceRecoveryCodes(
  tx: Tx,
  userId: string,
  hashes: string[],
  now: Date,
): Promise<void> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash, createdAt: now })));
}

/** Uses a recovery code once: true only for the one request that marks it used. */
export async function consumeRecoveryCode(
  tx: Tx,
  userId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return rows.length === 1;
}

export async function countUnusedRecoveryCodes(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}
