import { hashPassword } from '../../adapters/passwords';
import { sha256 } from '../../adapters/tokens';
import {
  consumeAuthToken,
  deleteSessionsOf,
  expireAuthTokens,
  findUserById,
  updateUser,
} from '../../db/repositories/admins';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import type { AppContext } from '../context';
import { actorOf, assertPasswordStrongEnough } from './accept-invitation';

/**
 * Sets a new password with a reset link (valid 1 hour, single use). Every existing session of the
 * user ends; the route then starts a new one.
 */
export async function resetPassword(ctx: AppContext, input: { token: string; password: string }) {
  assertPasswordStrongEnough(input.password);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const userId = await consumeAuthToken(tx, sha256(input.token), 'password_reset', now);
    const user = userId ? await findUserById(tx, userId) : null;
    if (!user || user.disabledAt) throw new AppError('INVITATION_INVALID');
    const updated = await updateUser(tx, user.id, { passwordHash });
    await expireAuthTokens(tx, user.id, 'password_reset', now);
    await deleteSessionsOf(tx, user.id);
    await recordAudit(tx, actorOf(user), now, {
      companyId: user.companyId,
      action: 'user.password_reset',
      entityType: 'user',
      entityId: user.id,
    });
    return updated;
  });
}
