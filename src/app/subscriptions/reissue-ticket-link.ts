import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/engine';
import { subscriptions } from '../../db/schema';
import { AppError } from '../../domain/errors';
import type { AppContext } from '../context';
import { queueTicketSms } from './notify';

/**
 * A new ticket link for an approved subscription, sent by SMS to the subscription's phone: the
 * old link stops working (the link is a secret; a resend never repeats it). The new token is made
 * by `queueTicketSms`, which stores only its SHA-256 in place of the old one.
 */
export async function reissueTicketLink(
  tx: Tx,
  ctx: AppContext,
  input: { subscriptionId: string; idempotencyKey: string; now: Date },
): Promise<void> {
  const [sub] = await tx
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.id, input.subscriptionId))
    .for('update');
  if (!sub || sub.state !== 'approved' || sub.revokedAt) {
    throw new AppError('CONFLICT', { details: { reason: 'ticket_not_live' } });
  }
  const [updated] = await tx
    .update(subscriptions)
    .set({ updatedAt: input.now })
    .where(eq(subscriptions.id, sub.id))
    .returning();
  if (!updated) throw new Error('subscription vanished');
  await queueTicketSms(tx, ctx, updated, input.idempotencyKey);
}
