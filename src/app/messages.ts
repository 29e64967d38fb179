import type { Tx } from '../db/engine';
import { messages } from '../db/schema';
import type { JobQueue } from '../jobs/queue';

export const SEND_MESSAGE_JOB = 'send-message';

export interface NewMessage {
  channel: 'sms' | 'email';
  to: string;
  subject?: string;
  body: string;
  /** The same key never makes a second message: a retried or double-clicked action sends once. */
  idempotencyKey: string;
  companyId?: string | null;
  kind?: string;
}

/**
 * Queues an SMS or email in the caller's transaction: the outbox row and the delivery job exist
 * only if the change that causes them commits. Returns false when the key was used before.
 */
export async function queueMessage(tx: Tx, jobs: JobQueue, message: NewMessage): Promise<boolean> {
  const inserted = await tx
    .insert(messages)
    .values({
      channel: message.channel,
      to: message.to,
      subject: message.subject ?? '',
      body: message.body,
      idempotencyKey: message.idempotencyKey,
      companyId: message.companyId ?? null,
      kind: message.kind ?? 'general',
    })
    .onConflictDoNothing({ target: messages.idempotencyKey })
    .returning({ id: messages.id });
  const row = inserted[0];
  if (!row) return false;
  await jobs.send(tx, SEND_MESSAGE_JOB, { messageId: row.id }, { singletonKey: row.id, retryLimit: 5 });
  return true;
}
