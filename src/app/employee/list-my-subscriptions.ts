import { listSubscriptions } from '../../db/repositories/subscriptions';
import type { AppContext, EmployeeActor } from '../context';
import { type SubscriptionDto, toSubscriptionDto } from '../subscriptions/to-dto';

/** "Dine abonnement": the employee's subscriptions in this company, newest first. */
export async function listMySubscriptions(
  ctx: AppContext,
  input: { actor: EmployeeActor },
): Promise<SubscriptionDto[]> {
  const now = ctx.clock.now();
  const rows = await listSubscriptions(ctx.db, input.actor.companyId, { phone: input.actor.phone });
  return rows.map((row) => toSubscriptionDto(row, now));
}
