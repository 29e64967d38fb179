import { hashPassword, verifyPassword } from '../../adapters/passwords';
import { deleteSessionsOf, expireAuthTokens, findUserById, updateUser } from '../../db/repositories/admins';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import type { AppContext } from '../context';
import { actorOf } from './accept-invitation';
import { assertNewPasswordAcceptable } from './new-password';
import { checkPasswordThrottled } from './password-attempts';

/**
 * A signed-in user changes their password: the current one is checked under the same throttle as
 * login, and every other session of the user ends (ASVS 7.4.3); the one making the change stays.
 * Unused reset and sign-in links die too.
 */
export async function changePassword(
  ctx: AppContext,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string; ip: string },
) {
  const user = await findUserById(ctx.db, input.userId);
  if (!user || user.disabledAt) throw new AppError('UNAUTHENTICATED');
  await assertNewPasswordAcceptable(ctx.db, { password: input.newPassword, user, path: 'body.newPassword' });
  const ok = await checkPasswordThrottled(ctx, {
    email: user.email,
    ip: input.ip,
    check: async () =>
      user.passwordHash !== null && (await verifyPassword(user.passwordHash, input.currentPassword)),
  });
  if (!ok) throw new AppError('PASSWORD_WRONG', { details: [{ path: 'body.currentPassword' }] });
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { passwordHash });
    await deleteSessionsOf(tx, user.id, { except: input.sessionId });
    await expireAuthTokens(tx, user.id, 'password_reset', now);
    await expireAuthTokens(tx, user.id, 'login_link', now);
    await recordAudit(tx, actorOf(user), now, {
      companyId: user.companyId,
      action: 'user.password_changed',
      entityType: 'user',
      entityId: user.id,
    });
  });
}
