import { and, asc, count, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '../engine';
import { authTokens, sessions, users } from '../schema';

export type UserRow = typeof users.$inferSelect;
export type TokenPurpose = 'invitation' | 'password_reset' | 'login_link';

/** The company's administrators, removed ones included only when asked for. */
export async function listAdmins(
  tx: Tx,
  companyId: string,
  options: { includeDisabled?: boolean } = {},
): Promise<UserRow[]> {
  return tx
    .select()
    .from(users)
    .where(
      and(
        eq(users.companyId, companyId),
        eq(users.role, 'company_admin'),
        options.includeDisabled ? undefined : isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.createdAt), asc(users.email));
}

export async function findAdmin(
  tx: Tx,
  companyId: string,
  userId: string,
  options: { forUpdate?: boolean } = {},
): Promise<UserRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const query = tx
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.companyId, companyId), eq(users.role, 'company_admin')));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Active admins of the company; with `fullOnly`, those with full access (a null role is full). */
export async function countActiveAdmins(
  tx: Tx,
  companyId: string,
  options: { fullOnly?: boolean } = {},
): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .where(
      and(
        eq(users.companyId, companyId),
        eq(users.role, 'company_admin'),
        isNull(users.disabledAt),
        options.fullOnly ? sql`coalesce(${users.companyRole}, 'full') = 'full'` : undefined,
      ),
    );
  return row?.n ?? 0;
}

export async function findUserByEmail(tx: Tx, email: string): Promise<UserRow | null> {
  const [row] = await tx
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row ?? null;
}

export async function findUserById(tx: Tx, userId: string): Promise<UserRow | null> {
  const [row] = await tx.select().from(users).where(eq(users.id, userId));
  return row ?? null;
}

export async function insertAdmin(
  tx: Tx,
  values: {
    companyId: string;
    email: string;
    name: string;
    now: Date;
    companyRole?: 'full' | 'payroll' | 'department';
    departmentIds?: string[] | null;
  },
): Promise<UserRow> {
  const [row] = await tx
    .insert(users)
    .values({
      companyId: values.companyId,
      email: values.email,
      name: values.name,
      role: 'company_admin',
      companyRole: values.companyRole ?? 'full',
      departmentIds: values.departmentIds ?? null,
      createdAt: values.now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateUser(
  tx: Tx,
  userId: string,
  changes: Partial<Pick<UserRow, 'name' | 'passwordHash' | 'disabledAt' | 'companyRole' | 'departmentIds'>>,
): Promise<UserRow> {
  const [row] = await tx.update(users).set(changes).where(eq(users.id, userId)).returning();
  if (!row) throw new Error('user not found for update');
  return row;
}

/** Ends every session of the user, or every one but `except` (the session making a change). */
export async function deleteSessionsOf(
  tx: Tx,
  userId: string,
  options: { except?: string } = {},
): Promise<void> {
  await tx
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), options.except ? ne(sessions.id, options.except) : undefined));
}

export async function insertAuthToken(
  tx: Tx,
  values: { userId: string; purpose: TokenPurpose; tokenHash: string; expiresAt: Date; now: Date },
): Promise<void> {
  await tx.insert(authTokens).values({
    userId: values.userId,
    purpose: values.purpose,
    tokenHash: values.tokenHash,
    expiresAt: values.expiresAt,
    createdAt: values.now,
  });
}

/** Ends every unused token of that purpose for the user: an older link stops working at once. */
export async function expireAuthTokens(tx: Tx, userId: string, purpose: TokenPurpose, now: Date) {
  await tx
    .update(authTokens)
    .set({ expiresAt: now })
    .where(
      and(
        eq(authTokens.userId, userId),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, now),
      ),
    );
}

/** The live (unused, unexpired) token of that purpose with this hash, without using it. */
export async function findLiveAuthToken(
  tx: Tx,
  tokenHash: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<{ userId: string } | null> {
  const [row] = await tx
    .select({ userId: authTokens.userId })
    .from(authTokens)
    .where(
      and(
        eq(authTokens.tokenHash, tokenHash),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, now),
      ),
    );
  return row ?? null;
}

/**
 * Uses a token once: marks it used if it exists, has that purpose, is unused and not expired,
 * and returns its user id; null otherwise. The conditional update makes two racing uses one.
 */
export async function consumeAuthToken(
  tx: Tx,
  tokenHash: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<string | null> {
  const [row] = await tx
    .update(authTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(authTokens.tokenHash, tokenHash),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, now),
      ),
    )
    .returning({ userId: authTokens.userId });
  return row?.userId ?? null;
}
