import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './common';

/**
 * The message outbox: every SMS and email is written here in the same transaction as the change
 * that causes it, then delivered by the send-message job (retries; the idempotency key makes a
 * retried action produce one message).
 */
export const messages = pgTable(
  'messages',
  {
    id: id(),
    channel: text('channel', { enum: ['sms', 'email'] }).notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull().default(''),
    body: text('body').notNull(),
    status: text('status', { enum: ['queued', 'sent', 'failed'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    idempotencyKey: text('idempotency_key').notNull(),
    companyId: uuid('company_id'),
    kind: text('kind').notNull().default('general'),
    providerId: text('provider_id'),
    createdAt: createdAt(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    uniqueIndex('messages_idempotency_key').on(t.idempotencyKey),
    index('messages_to_idx').on(t.to, t.createdAt),
    index('messages_status_idx').on(t.status, t.createdAt),
  ],
);
