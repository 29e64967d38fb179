import { findSubscription, updateSubscription } from '../../db/repositories/subscriptions';
import { osloToday } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { employeeCancellation } from '../../domain/subscription';
import { recordAudit } from '../audit';
import type { AppContext, EmployeeActor } from '../context';
import { smsEmployee } from '../subscriptions/notify';
import { emailAdmins } from '../subscriptions/notify-admins';
import { type SubscriptionDto, toSubscriptionDto } from '../subscriptions/to-dto';
import { settleCredentials } from '../tickets/settle-credentials';

/**
 * Rule 10: the employee cancels ("Si opp"). Not started yet → cancelled, costs nothing; started →
 * ends on the last day of this month. Only the employee's own subscription; a repeat is harmless.
 * The employee gets an SMS with the last valid day and the company's administrators an email.
 */
export async function cancelSubscription(
  ctx: AppContext,
  input: { actor: EmployeeActor; subscriptionId: string },
): Promise<SubscriptionDto> {
  const now = ctx.clock.now();
  const today = osloToday(now);
  return ctx.db.transaction(async (tx) => {
    const { companyId, phone } = input.actor;
    const sub = await findSubscription(tx, companyId, input.subscriptionId, { forUpdate: true });
    if (!sub || sub.phone !== phone) throw new AppError('NOT_FOUND');
    if (sub.state === 'cancelled') return toSubscriptionDto(sub, now);

    const before = toSubscriptionDto(sub, now);
    const outcome = employeeCancellation(sub, today);
    const changes =
      outcome.kind === 'cancelled' ? { state: 'cancelled' as const } : { endDate: outcome.endDate };
    if (outcome.kind === 'ends' && outcome.endDate === sub.endDate) return before;

    const row = await updateSubscription(tx, companyId, sub.id, changes, now);
    await settleCredentials(tx, sub.id, now);
    const after = toSubscriptionDto({ ...row, zoneSets: sub.zoneSets }, now);
    const lastValidDay = outcome.kind === 'cancelled' ? null : outcome.endDate;
    const key = `${sub.id}:${lastValidDay ?? 'cancelled'}`;
    await smsEmployee(
      tx,
      ctx,
      sub,
      'cancelled_by_employee',
      { lastValidDay },
      `cancelled-by-employee:${key}`,
    );
    await emailAdmins(tx, ctx, {
      companyId,
      kind: 'admin_employee_cancelled',
      params: { employeeName: `${sub.firstName} ${sub.lastName}`, lastValidDay },
      idempotencyKey: `admin-employee-cancelled:${key}`,
    });
    await recordAudit(tx, input.actor, now, {
      companyId,
      action: outcome.kind === 'cancelled' ? 'subscription.cancelled' : 'subscription.ending',
      entityType: 'subscription',
      entityId: sub.id,
      before,
      after,
    });
    return after;
  });
}
