import { findSubscription, moveZoneSetStart, updateSubscription } from '../../db/repositories/subscriptions';
import { osloToday } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { startDateOnApproval } from '../../domain/subscription';
import { recordAudit } from '../audit';
import {
  type AppContext,
  assertCanChange,
  assertInDepartmentScope,
  type CompanyAdminActor,
} from '../context';
import { queueTicketSms } from './notify';
import { toSubscriptionDto, zoneSetOn } from './to-dto';

/**
 * Rule 6: the admin approves a pending order; the employee gets the SMS with the ticket link.
 * A start date already passed moves to the 1st of the month after approval unless "start today".
 * Approving again returns the approved subscription and sends nothing.
 */
export async function approveOrder(
  ctx: AppContext,
  input: { actor: CompanyAdminActor; id: string; startToday?: boolean },
) {
  assertCanChange(input.actor);
  const now = ctx.clock.now();
  const { companyId } = input.actor;
  return ctx.db.transaction(async (tx) => {
    const sub = await findSubscription(tx, companyId, input.id, { forUpdate: true });
    if (!sub) throw new AppError('NOT_FOUND');
    // Issue 16 item 4: a department admin reaches only their departments' subscriptions.
    assertInDepartmentScope(input.actor, sub.departmentId);
    if (sub.state === 'approved') return toSubscriptionDto(sub, now);
    if (sub.state !== 'pending') {
      throw new AppError('SUBSCRIPTION_STATE', { details: { status: sub.state, action: 'approve' } });
    }
    const startDate = startDateOnApproval(sub.startDate, osloToday(now), input.startToday === true);
    const zoneIds = zoneSetOn(sub.zoneSets, sub.startDate)?.zoneIds ?? [];
    if (startDate !== sub.startDate) await moveZoneSetStart(tx, sub, zoneIds, startDate);
    const row = await updateSubscription(
      tx,
      companyId,
      sub.id,
      { state: 'approved', startDate, decidedAt: now, decidedBy: input.actor.userId },
      now,
    );
    const updated = await findSubscription(tx, companyId, sub.id);
    if (!updated) throw new AppError('NOT_FOUND');
    await recordAudit(tx, input.actor, now, {
      companyId,
      action: 'subscription.approved',
      entityType: 'subscription',
      entityId: sub.id,
      before: { status: 'pending', startDate: sub.startDate },
      after: {
        status: toSubscriptionDto(updated, now).status,
        startDate,
        startToday: input.startToday === true,
      },
    });
    await queueTicketSms(tx, ctx, row);
    return toSubscriptionDto(updated, now);
  });
}
