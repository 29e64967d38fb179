import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './common';

/**
 * The message outbox: every SMS and email is written here in the same transaction as the change
 * that causes it, then delivered by the send-message job (retries; the idempotency key makes a
 * retried action produce one message).
 *
 * A message that carries a secret (a login code, the token of a link) stores `subject` and `body`
 * with the secret elided: that is all any reader gets. The whole text is in `sealed` (encrypted,
 * src/adapters/sealed.ts) only until the transport has it; the development outbox, which is the
 * simulated phone and mailbox, keeps it.
 */
export const messages = pgTable(
  'messages',
  {
    id: id(),
    channel: text('channel', { enum: ['sms', 'email'] }).notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull().default(''),
    body: text('body').notNull(),
    /** True when the message carried a secret: a resend then makes a new secret (never the old text). */
    secret: boolean('secret').notNull().default(false),
    /** The sealed `{ subject, body, secrets }` with the secret in it; null once delivered. */
    sealed: text('sealed'),
    /** Whose secret it is (a user or a subscription), so a resend reissues it to them only. */
    ownerId: uuid('owner_id'),
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
    // The rolling hour the SMS budgets count (src/app/sms-budget.ts).
    index('messages_sms_hour_idx').on(t.createdAt, t.companyId).where(sql`${t.channel} = 'sms'`),
  ],
);
