import { and, eq, isNull } from 'drizzle-orm';
import { users } from '../../db/schema';
import { languageOf, renderMessage } from '../../domain/message-catalogue';
import type { AppContext } from '../context';
import { queueMessage } from '../messages';

/** A message the queue gave up on after its last try. */
export interface DeliveryFailure {
  messageId: string;
  channel: 'sms' | 'email';
  kind: string;
  reason: string;
  attempts: number;
}

/** The kind of the alert itself: its own failure alerts nobody (the log line and /metrics remain). */
export const DELIVERY_ALERT_KIND = 'operator_delivery_failed';

/**
 * Tells the operator that a message was given up (issue 18.2): an error line in the log (always)
 * and an email to every active operator administrator, at most one per channel and hour for each
 * (the idempotency key names the hour), so a provider outage makes one alert, not thousands.
 * `bb_messages_total{outcome="failed"}` counts every one for Prometheus alerts.
 */
export async function alertDeliveryFailure(
  ctx: Pick<AppContext, 'db' | 'jobs' | 'config' | 'log' | 'clock'>,
  failure: DeliveryFailure,
): Promise<void> {
  ctx.log.error({ ...failure }, 'message given up after its last try');
  if (failure.kind === DELIVERY_ALERT_KIND) return;
  const hour = ctx.clock.now().toISOString().slice(0, 13);
  const messagesUrl = `${ctx.config.publicUrl}/operator/meldinger`;
  await ctx.db.transaction(async (tx) => {
    const admins = await tx
      .select({ id: users.id, email: users.email, language: users.language })
      .from(users)
      .where(and(eq(users.role, 'operator'), eq(users.operatorRole, 'admin'), isNull(users.disabledAt)));
    for (const admin of admins) {
      const text = renderMessage(DELIVERY_ALERT_KIND, languageOf(admin.language), {
        channel: failure.channel,
        kind: failure.kind,
        reason: failure.reason,
        attempts: failure.attempts,
        messagesUrl,
      });
      await queueMessage(tx, ctx, {
        channel: 'email',
        to: admin.email,
        subject: text.subject,
        body: text.body,
        kind: DELIVERY_ALERT_KIND,
        idempotencyKey: `operator-alert:delivery-failed:${failure.channel}:${admin.id}:${hour}`,
      });
    }
  });
}
