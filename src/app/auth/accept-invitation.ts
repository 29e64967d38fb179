import { hashPassword } from '../../adapters/passwords';
import { sha256 } from '../../adapters/tokens';
import { consumeAuthToken, findUserById, updateUser } from '../../db/repositories/admins';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';

export const MIN_PASSWORD_LENGTH = 12;

export function assertPasswordStrongEnough(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new AppError('PASSWORD_TOO_SHORT', { details: { minLength: MIN_PASSWORD_LENGTH } });
  }
}

/**
 * The invited admin sets their own password with the emailed link (valid 7 days, single use).
 * Returns the user, whom the route then logs in.
 */
export async function acceptInvitation(ctx: AppContext, input: { token: string; password: string }) {
  assertPasswordStrongEnough(input.password);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const userId = await consumeAuthToken(tx, sha256(input.token), 'invitation', now);
    const user = userId ? await findUserById(tx, userId) : null;
    if (!user || user.disabledAt) throw new AppError('INVITATION_INVALID');
    const updated = await updateUser(tx, user.id, { passwordHash });
    await recordAudit(tx, actorOf(user), now, {
      companyId: user.companyId,
      action: 'admin.invitation_accepted',
      entityType: 'user',
      entityId: user.id,
      before: { passwordSet: user.passwordHash !== null },
      after: { passwordSet: true },
    });
    return updated;
  });
}

/** The user acting on their own account. */
export function actorOf(user: {
  id: string;
  email: string;
  role: 'operator' | 'company_admin';
  operatorRole: 'admin' | 'read_only' | null;
  companyId: string | null;
}): Actor {
  return user.role === 'operator'
    ? { type: 'operator', userId: user.id, email: user.email, operatorRole: user.operatorRole ?? 'admin' }
    : { type: 'company_admin', userId: user.id, email: user.email, companyId: user.companyId ?? '' };
}
