import { hashPassword } from '../../adapters/passwords';
import { sha256 } from '../../adapters/tokens';
import type { Tx } from '../../db/engine';
import {
  consumeAuthToken,
  findLiveAuthToken,
  findUserById,
  type UserRow,
  updateUser,
} from '../../db/repositories/admins';
import { AppError } from '../../domain/errors';
import type { OperatorRole } from '../../domain/staff-roles';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { assertNewPasswordAcceptable } from './new-password';
import { guardTokenAttempt } from './token-attempts';

/**
 * The invited admin sets their own password with the emailed link (valid 7 days, single use).
 * The token is looked up first: an unknown, used or expired one costs no password hashing and
 * counts against the client address (token-attempts.ts). Returns the user, whom the route logs in.
 */
export async function acceptInvitation(
  ctx: AppContext,
  input: { token: string; password: string; ip: string },
) {
  return setPasswordWithToken(ctx, { ...input, purpose: 'invitation' }, async (tx, user, now) => {
    await recordAudit(tx, actorOf(user), now, {
      companyId: user.companyId,
      action: 'admin.invitation_accepted',
      entityType: 'user',
      entityId: user.id,
      before: { passwordSet: user.passwordHash !== null },
      after: { passwordSet: true },
    });
  });
}

/**
 * The one path by which an emailed link sets a password (invitation or reset): limit per address,
 * look the token up, only then check the password's strength (new-password.ts) and hash it, then use the token once (a racing
 * second use finds it used) and run `after` in the same transaction.
 */
export async function setPasswordWithToken(
  ctx: AppContext,
  input: { token: string; password: string; ip: string; purpose: 'invitation' | 'password_reset' },
  after: (tx: Tx, user: UserRow, now: Date) => Promise<void>,
): Promise<UserRow> {
  return guardTokenAttempt(ctx, { ip: input.ip, purpose: input.purpose }, async () => {
    const now = ctx.clock.now();
    const tokenHash = sha256(input.token);
    const live = await findLiveAuthToken(ctx.db, tokenHash, input.purpose, now);
    const owner = live ? await findUserById(ctx.db, live.userId) : null;
    if (!owner || owner.disabledAt) return null;
    await assertNewPasswordAcceptable(ctx.db, {
      password: input.password,
      user: owner,
      path: 'body.password',
    });
    const passwordHash = await hashPassword(input.password);
    return ctx.db.transaction(async (tx) => {
      const userId = await consumeAuthToken(tx, tokenHash, input.purpose, now);
      if (userId !== owner.id) return null;
      const updated = await updateUser(tx, owner.id, { passwordHash });
      await after(tx, owner, now);
      return updated;
    });
  });
}

/** The user acting on their own account. */
export function actorOf(user: {
  id: string;
  email: string;
  role: 'operator' | 'company_admin';
  operatorRole: OperatorRole | null;
  companyId: string | null;
}): Actor {
  return user.role === 'operator'
    ? { type: 'operator', userId: user.id, email: user.email, operatorRole: user.operatorRole ?? 'admin' }
    : { type: 'company_admin', userId: user.id, email: user.email, companyId: user.companyId ?? '' };
}
