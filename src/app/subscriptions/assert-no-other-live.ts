import type { Tx } from '../../db/engine';
import { listSubscriptions, type SubscriptionRow } from '../../db/repositories/subscriptions';
import { AppError } from '../../domain/errors';
import { deriveStatus, isLive } from '../../domain/subscription';

/**
 * Rule 5 when an end moves later or is withdrawn: no other live subscription of the same employee
 * (e.g. the one a category change started) may then overlap. SUBSCRIPTION_EXISTS names it.
 */
export async function assertNoOtherLive(tx: Tx, sub: SubscriptionRow, now: Date): Promise<void> {
  const others = await listSubscriptions(tx, sub.companyId, { employeeId: sub.employeeId });
  const live = others.find((s) => s.id !== sub.id && isLive(deriveStatus(s, now)));
  if (live) throw new AppError('SUBSCRIPTION_EXISTS', { details: { subscriptionId: live.id } });
}
