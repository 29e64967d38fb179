import { sha256 } from '../../adapters/tokens';
import { consumeAuthToken, findUserById } from '../../db/repositories/admins';
import { recordAudit } from '../audit';
import type { AppContext } from '../context';
import { actorOf } from './accept-invitation';
import { guardTokenAttempt } from './token-attempts';

/**
 * Signs in with an emailed one-time link (valid 15 minutes, single use; only its hash is stored).
 * It works while password login is locked: that is its point. Wrong links are limited per client
 * address. Returns the user, whom the route logs in.
 */
export async function logInWithLink(ctx: AppContext, input: { token: string; ip: string }) {
  const now = ctx.clock.now();
  return guardTokenAttempt(ctx, { ip: input.ip, purpose: 'login_link' }, () =>
    ctx.db.transaction(async (tx) => {
      const userId = await consumeAuthToken(tx, sha256(input.token), 'login_link', now);
      const user = userId ? await findUserById(tx, userId) : null;
      if (!user || user.disabledAt) return null;
      await recordAudit(tx, actorOf(user), now, {
        companyId: user.companyId,
        action: 'user.logged_in_with_link',
        entityType: 'user',
        entityId: user.id,
      });
      return user;
    }),
  );
}
