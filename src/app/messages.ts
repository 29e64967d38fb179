import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/engine';
import { employees, messages } from '../db/schema';
import {
  type Language,
  languageOf,
  type MessageKind,
  type MessageParams,
  renderMessage,
} from '../domain/message-catalogue';
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

/**
 * Queues a message of the catalogue (`src/domain/message-catalogue.ts`) in the recipient's
 * language, in the caller's transaction, under its idempotency key. Returns false for a repeat.
 */
export async function queueCatalogMessage<K extends MessageKind>(
  tx: Tx,
  jobs: JobQueue,
  message: {
    kind: K;
    params: MessageParams[K];
    language: Language;
    channel: 'sms' | 'email';
    to: string;
    idempotencyKey: string;
    companyId?: string | null;
  },
): Promise<boolean> {
  const text = renderMessage(message.kind, message.language, message.params);
  return queueMessage(tx, jobs, {
    channel: message.channel,
    to: message.to,
    subject: text.subject,
    body: text.body,
    idempotencyKey: message.idempotencyKey,
    companyId: message.companyId ?? null,
    kind: message.kind,
  });
}

/** The language an employee chose (stored per company and phone); bokmål when unknown. */
export async function employeeLanguage(tx: Tx, companyId: string, phone: string): Promise<Language> {
  const [row] = await tx
    .select({ language: employees.language })
    .from(employees)
    .where(and(eq(employees.companyId, companyId), eq(employees.phone, phone)));
  return languageOf(row?.language);
}
