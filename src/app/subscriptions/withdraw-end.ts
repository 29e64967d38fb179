import { findSubscription, reopenZoneSetsAt, updateSubscription } from '../../db/repositories/subscriptions';
import { osloToday } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { withdrawableEnd } from '../../domain/subscription';
import { recordAudit } from '../audit';
import {
  type AppContext,
  assertCanChange,
  assertInDepartmentScope,
  type CompanyAdminActor,
} from '../context';
import { settleCredentials } from '../tickets/settle-credentials';
import { assertNoOtherLive } from './assert-no-other-live';
import { queueEndWithdrawnSms } from './notify';
import { toSubscriptionDto } from './to-dto';

/**
 * Item 16.1: withdraws a planned end before it happens; the subscription runs on open-ended, the
 * ticket with it. Audited (`subscription.end_withdrawn`) and the employee told by SMS.
 * Errors: NOT_FOUND (another company's or unknown id), SUBSCRIPTION_STATE (no planned end),
 * SUBSCRIPTION_EXISTS (another live subscription of the employee would overlap).
 */
export async function withdrawEnd(ctx: AppContext, input: { actor: CompanyAdminActor; id: string }) {
  assertCanChange(input.actor);
  const now = ctx.clock.now();
  const { companyId } = input.actor;
  return ctx.db.transaction(async (tx) => {
    const sub = await findSubscription(tx, companyId, input.id, { forUpdate: true });
    if (!sub) throw new AppError('NOT_FOUND');
    // Issue 16 item 4: a department admin reaches only their departments' subscriptions.
    assertInDepartmentScope(input.actor, sub.departmentId);
    const oldEnd = withdrawableEnd(sub, osloToday(now));
    await assertNoOtherLive(tx, sub, now);
    await reopenZoneSetsAt(tx, sub.id, oldEnd, null);
    await updateSubscription(tx, companyId, sub.id, { endDate: null }, now);
    // Credentials revoked when the end was planned stay revoked; the wallet fetches new ones.
    await settleCredentials(tx, sub.id, now);
    const updated = await findSubscription(tx, companyId, sub.id);
    if (!updated) throw new AppError('NOT_FOUND');
    const after = toSubscriptionDto(updated, now);
    await recordAudit(tx, input.actor, now, {
      companyId,
      action: 'subscription.end_withdrawn',
      entityType: 'subscription',
      entityId: sub.id,
      before: { status: after.status, endDate: oldEnd },
      after: { status: after.status, endDate: null },
    });
    await queueEndWithdrawnSms(tx, ctx, updated, oldEnd, now);
    return after;
  });
}
