import { and, eq, sql } from 'drizzle-orm';
import type { Metrics } from '../adapters/metrics';
import type { Sealer } from '../adapters/sealed';
import { elide, revealMessage } from '../app/messages';
import type { DeliveryFailure } from '../app/operator/alert-delivery-failure';
import type { MessageTransport } from '../app/ports';
import type { Db } from '../db/engine';
import { messages } from '../db/schema';

export const MAX_SEND_ATTEMPTS = 6;

/**
 * Delivers one queued message. Idempotent: a message that is already sent is left alone.
 * A failure is recorded and rethrown so the queue retries; after the last try it stays failed.
 * The sealed copy of a secret is dropped once delivered (or given up), unless the transport is
 * the development outbox; a failure reason never repeats the secret.
 * Counts the outcome in `bb_messages_total` (sent / failed) when `metrics` is given; a message
 * given up is reported to `alert` (the operator's alert), whose own trouble never fails the job.
 */
export async function sendMessage(
  db: Db,
  transport: MessageTransport,
  messageId: string,
  now: () => Date,
  seal: Sealer | null = null,
  metrics?: Metrics,
  alert?: (failure: DeliveryFailure) => Promise<void>,
) {
  const [message] = await db.select().from(messages).where(eq(messages.id, messageId));
  if (!message || message.status === 'sent') return;
  const givenUp = async (reason: string, attempts: number) => {
    metrics?.messages.inc({ channel: message.channel, kind: message.kind, outcome: 'failed' });
    await alert?.({ messageId, channel: message.channel, kind: message.kind, reason, attempts }).catch(
      () => undefined,
    );
  };
  const full = revealMessage(message, seal);
  if (!full) {
    await db
      .update(messages)
      .set({ status: 'failed', sealed: null, lastError: 'sealed with another SESSION_SECRET' })
      .where(eq(messages.id, messageId));
    await givenUp('sealed with another SESSION_SECRET', message.attempts);
    return;
  }
  try {
    const { providerId, keepSealed } = await transport.deliver({
      ...message,
      subject: full.subject,
      body: full.body,
    });
    await db
      .update(messages)
      .set({
        status: 'sent',
        sentAt: now(),
        providerId: providerId ?? null,
        attempts: sql`${messages.attempts} + 1`,
        lastError: null,
        ...(keepSealed ? {} : { sealed: null }),
      })
      .where(and(eq(messages.id, messageId)));
    metrics?.messages.inc({ channel: message.channel, kind: message.kind, outcome: 'sent' });
  } catch (error) {
    const reason = elide(error instanceof Error ? error.message : String(error), full.secrets);
    const [updated] = await db
      .update(messages)
      .set({ attempts: sql`${messages.attempts} + 1`, lastError: reason })
      .where(eq(messages.id, messageId))
      .returning({ attempts: messages.attempts });
    if ((updated?.attempts ?? 0) >= MAX_SEND_ATTEMPTS) {
      await db.update(messages).set({ status: 'failed', sealed: null }).where(eq(messages.id, messageId));
      await givenUp(reason, updated?.attempts ?? MAX_SEND_ATTEMPTS);
      return;
    }
    metrics?.messageRetries.inc({ channel: message.channel, kind: message.kind });
    throw new Error(reason);
  }
}
