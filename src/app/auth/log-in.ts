import { and, eq, isNull, sql } from 'drizzle-orm';
import { dummyPasswordHash, verifyPassword } from '../../adapters/passwords';
import { users } from '../../db/schema';
import { AppError } from '../../domain/errors';
import type { AppContext } from '../context';
import { assertWithinLimit, clearEvents, recordEvent } from '../rate-limit';

const FAILURES = { limit: 10, windowMs: 15 * 60_000 };

/** Email + password login for operator staff and company admins, with failed-login throttling. */
export async function logIn(ctx: AppContext, input: { email: string; password: string; ip: string }) {
  const email = input.email.trim().toLowerCase();
  const now = ctx.clock.now();
  const keys = [`login:email:${email}`, `login:ip:${input.ip}`];
  await assertWithinLimit(ctx.db, { key: keys[0]!, ...FAILURES }, now);
  await assertWithinLimit(
    ctx.db,
    { key: keys[1]!, limit: FAILURES.limit * 5, windowMs: FAILURES.windowMs },
    now,
  );

  const [user] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, email), isNull(users.disabledAt)));
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !user.passwordHash || !ok) {
    for (const key of keys) await recordEvent(ctx.db, key, now);
    throw new AppError('INVALID_CREDENTIALS');
  }
  await clearEvents(ctx.db, keys[0]!);
  return user;
}

export function publicUser(user: {
  id: string;
  email: string;
  role: 'operator' | 'company_admin';
  companyId: string | null;
  name: string;
  operatorRole?: 'admin' | 'read_only' | null;
  language?: 'nb' | 'en';
  newOrderNotice?: 'immediate' | 'digest' | 'none';
}) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    language: user.language ?? 'nb',
    ...(user.role === 'company_admin' ? { newOrderNotice: user.newOrderNotice ?? 'digest' } : {}),
    ...(user.companyId ? { companyId: user.companyId } : {}),
    ...(user.role === 'operator' ? { operatorRole: user.operatorRole ?? 'admin' } : {}),
  };
}
