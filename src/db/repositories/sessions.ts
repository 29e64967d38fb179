import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../engine';
import { sessions } from '../schema';

/**
 * Ends every employee session of one company. Employee sessions are opened through the company's
 * order link and only one link is valid at a time, so this is "every session made through the old
 * link" when the link is replaced. Returns how many ended.
 */
export async function endEmployeeSessions(tx: Tx, companyId: string): Promise<number> {
  const ended = await tx
    .delete(sessions)
    .where(and(eq(sessions.kind, 'employee'), eq(sessions.companyId, companyId)))
    .returning({ id: sessions.id });
  return ended.length;
}

/**
 * Turns the open full sessions of operator staff (`staff`) and/or company admins (`admins`) who
 * have no second factor (no authenticator app, no passkey) into enrol-only sessions, except the
 * sessions of `exceptUserId`. Used when the operator starts requiring a second factor.
 */
export async function restrictSessionsWithoutSecondFactor(
  tx: Tx,
  input: { staff: boolean; admins: boolean; exceptUserId: string },
): Promise<void> {
  await tx.execute(sql`
    update sessions set pending = 'enrol_second_factor'
    where pending is null and kind = 'user' and user_id <> ${input.exceptUserId}::uuid
      and user_id in (
        select u.id from users u
        where ((u.role = 'operator' and ${input.staff}) or (u.role = 'company_admin' and ${input.admins}))
          and u.totp_enabled_at is null
          and not exists (select 1 from passkeys p where p.user_id = u.id))`);
}
