import { deleteSessionsOf, expireAuthTokens } from '../../db/repositories/admins';
import { recordAudit } from '../audit';
import type { AppContext } from '../context';
import { actorOf, setPasswordWithToken } from './accept-invitation';

/**
 * Sets a new password with a reset link (valid 1 hour, single use). Every existing session of the
 * user ends, and unused reset and sign-in links die; the route then starts a new session. The
 * token is looked up before any password is hashed (setPasswordWithToken).
 */
export async function resetPassword(ctx: AppContext, input: { token: string; password: string; ip: string }) {
  return setPasswordWithToken(ctx, { ...input, purpose: 'password_reset' }, async (tx, user, now) => {
    await expireAuthTokens(tx, user.id, 'password_reset', now);
    await expireAuthTokens(tx, user.id, 'login_link', now);
    await deleteSessionsOf(tx, user.id);
    await recordAudit(tx, actorOf(user), now, {
      companyId: user.companyId,
      action: 'user.password_reset',
      entityType: 'user',
      entityId: user.id,
    });
  });
}
