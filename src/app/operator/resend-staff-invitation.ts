import { findStaffForUpdate } from '../../db/repositories/operator';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import { createInvitation } from '../auth/create-invitation';
import type { AppContext, OperatorActor } from '../context';

/** A fresh invitation link for staff who have not set a password yet; the old link dies at once. */
export async function resendStaffInvitation(
  ctx: AppContext,
  input: { actor: OperatorActor; userId: string },
) {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const user = await findStaffForUpdate(tx, input.userId);
    if (!user || user.disabledAt) throw new AppError('NOT_FOUND');
    if (user.passwordHash !== null) {
      throw new AppError('CONFLICT', { details: { reason: 'invitation_already_accepted' } });
    }
    await createInvitation(tx, ctx, {
      userId: user.id,
      email: user.email,
      name: user.name,
      companyId: null,
      companyName: '',
      kind: 'operator',
    });
    await recordAudit(tx, input.actor, now, {
      companyId: null,
      action: 'staff.invitation_resent',
      entityType: 'user',
      entityId: user.id,
      after: { email: user.email },
    });
    return { userId: user.id, email: user.email };
  });
}
