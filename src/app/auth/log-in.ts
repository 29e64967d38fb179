import { and, eq, isNull, sql } from 'drizzle-orm';
import { dummyPasswordHash, verifyPassword } from '../../adapters/passwords';
import { users } from '../../db/schema';
import { AppError } from '../../domain/errors';
import type { OperatorRole } from '../../domain/staff-roles';
import type { AppContext } from '../context';
import { checkPasswordThrottled } from './password-attempts';

type UserRow = typeof users.$inferSelect;

/**
 * Email + password login for operator staff and company admins. Throttled per account and per
 * client address in the database before the password is checked (password-attempts.ts); an
 * unknown address costs the same time as a wrong password.
 */
export async function logIn(ctx: AppContext, input: { email: string; password: string; ip: string }) {
  const email = input.email.trim().toLowerCase();
  let found: UserRow | undefined;
  const ok = await checkPasswordThrottled(ctx, {
    email,
    ip: input.ip,
    check: async () => {
      [found] = await ctx.db
        .select()
        .from(users)
        .where(and(eq(sql`lower(${users.email})`, email), isNull(users.disabledAt)));
      const matches = await verifyPassword(
        found?.passwordHash ?? (await dummyPasswordHash()),
        input.password,
      );
      return matches && found?.passwordHash != null;
    },
  });
  if (!ok || !found) throw new AppError('INVALID_CREDENTIALS');
  return found;
}

export function publicUser(user: {
  id: string;
  email: string;
  role: 'operator' | 'company_admin';
  companyId: string | null;
  name: string;
  operatorRole?: OperatorRole | null;
  companyRole?: 'full' | 'payroll' | 'department' | null;
  departmentIds?: string[] | null;
  language?: 'nb' | 'en';
  newOrderNotice?: 'immediate' | 'digest' | 'none';
}) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    language: user.language ?? 'nb',
    ...(user.role === 'company_admin'
      ? { newOrderNotice: user.newOrderNotice ?? 'digest', companyRole: user.companyRole ?? 'full' }
      : {}),
    ...(user.role === 'company_admin' && user.companyRole === 'department'
      ? { departmentIds: user.departmentIds ?? [] }
      : {}),
    ...(user.companyId ? { companyId: user.companyId } : {}),
    ...(user.role === 'operator' ? { operatorRole: user.operatorRole ?? 'admin' } : {}),
  };
}
