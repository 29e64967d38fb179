import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/engine';
import { findCompany, liveSubscriptionsForUpdate } from '../../db/repositories/operator';
import { endEmployeeSessions } from '../../db/repositories/sessions';
import { updateSubscription } from '../../db/repositories/subscriptions';
import { companies } from '../../db/schema';
import { compareDates, endOfMonth, osloToday } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import { newOrderToken, storedColumns } from '../companies/order-token';
import type { AppContext, OperatorActor } from '../context';
import { smsEmployee } from '../subscriptions/notify';
import { settleCredentials } from '../tickets/settle-credentials';

type Outcome = 'cancelled' | 'ends_end_of_month' | 'unchanged';

/**
 * The operator deactivates a company: the order link stops at once (a new secret token replaces
 * it), pending orders and tickets that have not started are cancelled (they cost nothing, rule 10),
 * and live tickets end on the last day of this month. Running it again changes nothing. The
 * employee sessions opened through the old link end; the admins keep read access, and the session
 * guard refuses every change by the company's people (COMPANY_DEACTIVATED, issue 12.7).
 * Every employee whose ticket or order this touches gets an SMS in their language (issue 15):
 * the last valid day, or that the ticket is no longer valid.
 */
export async function deactivateCompany(ctx: AppContext, input: { actor: OperatorActor; companyId: string }) {
  const now = ctx.clock.now();
  const today = osloToday(now);
  const lastDay = endOfMonth(today);
  return ctx.db.transaction(async (tx) => {
    const company = await findCompany(tx, input.companyId, { forUpdate: true });
    if (!company) throw new AppError('NOT_FOUND');
    if (company.status === 'deactivated')
      return { companyId: company.id, alreadyDeactivated: true, endDate: lastDay, cancelled: 0, ending: 0 };
    await tx
      .update(companies)
      .set({
        status: 'deactivated',
        deactivatedAt: now,
        ...storedColumns(newOrderToken(ctx.config)),
        updatedAt: now,
      })
      .where(eq(companies.id, company.id));
    await endEmployeeSessions(tx, company.id);
    const counts = { cancelled: 0, ends_end_of_month: 0, unchanged: 0 };
    for (const sub of await liveSubscriptionsForUpdate(tx, company.id)) {
      const outcome = await endForDeactivation(tx, input.actor, sub, { today, lastDay, now });
      counts[outcome] += 1;
      const lastValidDay =
        outcome === 'cancelled' ? null : outcome === 'ends_end_of_month' ? lastDay : sub.endDate;
      // A ticket that ended before today is over already: nothing to tell.
      if (lastValidDay !== null && compareDates(lastValidDay, today) < 0) continue;
      await smsEmployee(
        tx,
        ctx,
        sub,
        'company_deactivated',
        { lastValidDay },
        `company-deactivated:${sub.id}:${now.getTime()}`,
      );
    }
    await recordAudit(tx, input.actor, now, {
      companyId: company.id,
      action: 'company.deactivated',
      entityType: 'company',
      entityId: company.id,
      before: { status: company.status },
      after: {
        status: 'deactivated',
        cancelled: counts.cancelled,
        endingOn: lastDay,
        ending: counts.ends_end_of_month,
      },
    });
    return {
      companyId: company.id,
      alreadyDeactivated: false,
      endDate: lastDay,
      cancelled: counts.cancelled,
      ending: counts.ends_end_of_month,
    };
  });
}

async function endForDeactivation(
  tx: Tx,
  actor: OperatorActor,
  sub: Awaited<ReturnType<typeof liveSubscriptionsForUpdate>>[number],
  at: { today: string; lastDay: string; now: Date },
): Promise<Outcome> {
  const notStarted = sub.state === 'pending' || compareDates(sub.startDate, at.lastDay) > 0;
  if (sub.endDate !== null && compareDates(sub.endDate, at.today) < 0) return 'unchanged';
  if (!notStarted && sub.endDate !== null && compareDates(sub.endDate, at.lastDay) <= 0) return 'unchanged';
  const changes = notStarted ? { state: 'cancelled' as const } : { endDate: at.lastDay };
  await updateSubscription(tx, sub.companyId, sub.id, changes, at.now);
  await settleCredentials(tx, sub.id, at.now);
  await recordAudit(tx, actor, at.now, {
    companyId: sub.companyId,
    action: notStarted ? 'subscription.cancelled' : 'subscription.ended',
    entityType: 'subscription',
    entityId: sub.id,
    before: { state: sub.state, endDate: sub.endDate },
    after: { ...changes, reason: 'company_deactivated' },
  });
  return notStarted ? 'cancelled' : 'ends_end_of_month';
}
