import { findSubscription, updateSubscription } from '../../db/repositories/subscriptions';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import {
  type AppContext,
  assertCanChange,
  assertInDepartmentScope,
  type CompanyAdminActor,
} from '../context';
import { queueRejectionSms } from './notify';
import { toSubscriptionDto } from './to-dto';

/** Rule 6: the admin rejects a pending order; the SMS carries the reason if one is given. Idempotent. */
export async function rejectOrder(
  ctx: AppContext,
  input: { actor: CompanyAdminActor; id: string; reason?: string },
) {
  assertCanChange(input.actor);
  const now = ctx.clock.now();
  const { companyId } = input.actor;
  const reason = input.reason?.trim() || null;
  return ctx.db.transaction(async (tx) => {
    const sub = await findSubscription(tx, companyId, input.id, { forUpdate: true });
    if (!sub) throw new AppError('NOT_FOUND');
    // Issue 16 item 4: a department admin reaches only their departments' subscriptions.
    assertInDepartmentScope(input.actor, sub.departmentId);
    if (sub.state === 'rejected') return toSubscriptionDto(sub, now);
    if (sub.state !== 'pending') {
      throw new AppError('SUBSCRIPTION_STATE', { details: { status: sub.state, action: 'reject' } });
    }
    const row = await updateSubscription(
      tx,
      companyId,
      sub.id,
      { state: 'rejected', rejectionReason: reason, decidedAt: now, decidedBy: input.actor.userId },
      now,
    );
    await recordAudit(tx, input.actor, now, {
      companyId,
      action: 'subscription.rejected',
      entityType: 'subscription',
      entityId: sub.id,
      before: { status: 'pending' },
      after: { status: 'rejected', reason },
    });
    await queueRejectionSms(tx, ctx, row, reason);
    return toSubscriptionDto({ ...row, zoneSets: sub.zoneSets }, now);
  });
}
