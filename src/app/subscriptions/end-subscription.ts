import {
  closeZoneSetsAt,
  findSubscription,
  reopenZoneSetsAt,
  type SubscriptionWithZones,
  updateSubscription,
} from '../../db/repositories/subscriptions';
import { compareDates, osloToday } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { adminEnd, adminEndOn, deriveStatus } from '../../domain/subscription';
import { recordAudit } from '../audit';
import {
  type AppContext,
  assertCanChange,
  assertInDepartmentScope,
  type CompanyAdminActor,
} from '../context';
import { settleCredentials } from '../tickets/settle-credentials';
import { assertNoOtherLive } from './assert-no-other-live';
import { queueEndedByCompanySms } from './notify';
import { toSubscriptionDto } from './to-dto';

export type EndEffective = 'end_of_month' | 'now' | 'date';

function outcomeOf(
  sub: SubscriptionWithZones,
  effective: EndEffective,
  endDate: string | undefined,
  now: Date,
) {
  const today = osloToday(now);
  return effective === 'date' ? adminEndOn(sub, endDate, today) : adminEnd(sub, effective, today, now);
}

/**
 * Rule 10 and item 16.1: the admin ends a subscription at the end of this month (default), now
 * (ticket invalid at once, the month still billed) or on a date from today on (`effective: "date"`,
 * `endDate` YYYY-MM-DD; the ticket valid through that day, its month billed in full). A date also
 * changes a planned end, earlier or later (later only if no other live subscription of the employee
 * would overlap: SUBSCRIPTION_EXISTS). One that has not started is cancelled at no cost. Ending one
 * that is already ended or cancelled, or to the end it already has, changes nothing (a double click).
 * The employee gets an SMS saying until when the ticket is valid.
 */
export async function endSubscription(
  ctx: AppContext,
  input: { actor: CompanyAdminActor; id: string; effective: EndEffective; endDate?: string },
) {
  assertCanChange(input.actor);
  const now = ctx.clock.now();
  const { companyId } = input.actor;
  return ctx.db.transaction(async (tx) => {
    const sub = await findSubscription(tx, companyId, input.id, { forUpdate: true });
    if (!sub) throw new AppError('NOT_FOUND');
    // Issue 16 item 4: a department admin reaches only their departments' subscriptions.
    assertInDepartmentScope(input.actor, sub.departmentId);
    const status = deriveStatus(sub, now);
    if (input.effective !== 'date' && (status === 'ended' || status === 'cancelled')) {
      return toSubscriptionDto(sub, now);
    }
    const outcome = outcomeOf(sub, input.effective, input.endDate, now);
    if (outcome.kind === 'ends' && outcome.endDate === sub.endDate && outcome.revokedAt === null) {
      return toSubscriptionDto(sub, now);
    }
    const before = toSubscriptionDto(sub, now);
    if (outcome.kind === 'cancelled') {
      await updateSubscription(tx, companyId, sub.id, { state: 'cancelled' }, now);
    } else {
      const later = sub.endDate !== null && compareDates(outcome.endDate, sub.endDate) > 0;
      if (later) {
        await assertNoOtherLive(tx, sub, now);
        await reopenZoneSetsAt(tx, sub.id, sub.endDate as string, outcome.endDate);
      }
      await updateSubscription(
        tx,
        companyId,
        sub.id,
        { endDate: outcome.endDate, revokedAt: outcome.revokedAt },
        now,
      );
      await closeZoneSetsAt(tx, sub.id, outcome.endDate);
    }
    // Rule 7 and issue 13: credentials past the new end (now or later) go on the revocation list.
    await settleCredentials(tx, sub.id, now);
    const updated = await findSubscription(tx, companyId, sub.id);
    if (!updated) throw new AppError('NOT_FOUND');
    const after = toSubscriptionDto(updated, now);
    await queueEndedByCompanySms(tx, ctx, sub, {
      endDate: outcome.kind === 'cancelled' ? null : outcome.endDate,
      now: input.effective === 'now',
    });
    await recordAudit(tx, input.actor, now, {
      companyId,
      action: outcome.kind === 'cancelled' ? 'subscription.cancelled' : 'subscription.ended',
      entityType: 'subscription',
      entityId: sub.id,
      before: { status: before.status, endDate: before.endDate },
      after: { status: after.status, endDate: after.endDate, effective: input.effective },
    });
    return after;
  });
}
