import { and, eq, sql } from 'drizzle-orm';
import { type Sealer, sealer } from '../adapters/sealed';
import type { Tx } from '../db/engine';
import { companies, employees, messages, users } from '../db/schema';
import {
  type Language,
  languageOf,
  type MessageKind,
  type MessageParams,
  renderMessage,
} from '../domain/message-catalogue';
import type { JobQueue } from '../jobs/queue';
import { HELD_PREFIX, type SmsPolicy, smsHold, smsUsage } from './sms-budget';

export const SEND_MESSAGE_JOB = 'send-message';

/**
 * The delivery priority of messages a person is waiting for on the screen (a sign-in code or
 * link, a reset, a move code): they are fetched first and have a worker lane of their own
 * (issue 17 item 1), so a code never waits behind thousands of ticket SMS.
 */
export const URGENT_MESSAGE_PRIORITY = 10;
const URGENT_KINDS: ReadonlySet<string> = new Set([
  'login_code',
  'login_link',
  'password_reset',
  'ticket_move_code',
]);

/** What every reader of the message log sees where a secret was. */
export const SECRET_ELIDED = '••••••';

/**
 * Kinds whose text carries a secret (a login code or the token of a link). Queuing one of them
 * without naming its `secrets` is a programming error, so no such text is ever stored readable.
 */
export const SECRET_KINDS: ReadonlySet<string> = new Set([
  'login_code',
  'login_link',
  'password_reset',
  'invitation',
  'ticket_approved',
  'category_changed',
  'ticket_move_code',
]);

export interface NewMessage {
  channel: 'sms' | 'email';
  to: string;
  subject?: string;
  body: string;
  /** The same key never makes a second message: a retried or double-clicked action sends once. */
  idempotencyKey: string;
  companyId?: string | null;
  kind?: string;
  /**
   * The secret parts of `subject` and `body` that are not link tokens (e.g. a login code). The
   * tokens of links are found by themselves (linkTokensIn). All are elided from the stored text
   * and travel sealed to the transport only.
   */
  secrets?: string[];
  /** Whose secret it is (user or subscription id): a resend reissues a new one to them. */
  ownerId?: string | null;
}

/**
 * The job queue, plus the configuration that seals secrets (required for a message with secrets)
 * and the SMS policy (allowed countries, hourly budgets, where the operator's alert goes). A bare
 * job queue (tests of the queue itself) gets the default policy.
 */
export type MessageQueue =
  | JobQueue
  | {
      jobs: JobQueue;
      config: { SESSION_SECRET: string } & Partial<SmsPolicy> & {
          OPERATOR_EMAIL?: string;
          publicUrl?: string;
        };
    };

/** The defaults of SMS_ALLOWED_COUNTRIES and the SMS budgets (src/config.ts). */
const DEFAULT_SMS_POLICY: SmsPolicy = {
  SMS_ALLOWED_COUNTRIES: ['NO'],
  SMS_HOURLY_BUDGET: 2000,
  SMS_HOURLY_BUDGET_PER_COMPANY: 300,
};

function smsPolicyOf(queue: MessageQueue): SmsPolicy {
  const config: Partial<SmsPolicy> = 'send' in queue ? {} : queue.config;
  return {
    SMS_ALLOWED_COUNTRIES: config.SMS_ALLOWED_COUNTRIES ?? DEFAULT_SMS_POLICY.SMS_ALLOWED_COUNTRIES,
    SMS_HOURLY_BUDGET: config.SMS_HOURLY_BUDGET ?? DEFAULT_SMS_POLICY.SMS_HOURLY_BUDGET,
    SMS_HOURLY_BUDGET_PER_COMPANY:
      config.SMS_HOURLY_BUDGET_PER_COMPANY ?? DEFAULT_SMS_POLICY.SMS_HOURLY_BUDGET_PER_COMPANY,
  };
}

/**
 * The tokens of links in a text: a path segment of 20 or more URL-safe characters (what
 * randomToken makes). Order links (`/bestill/{token}`) are not secrets of a person (the company
 * shares them with every employee), so they are left as they are.
 */
export function linkTokensIn(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/https?:\/\/[^\s)]+/g)) {
    const segments = match[0].split(/[/?#]/);
    segments.forEach((segment, i) => {
      if (
        segment.length >= 20 &&
        /^[A-Za-z0-9_-]+$/.test(segment) &&
        !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment) &&
        segments[i - 1] !== 'bestill'
      ) {
        found.add(segment);
      }
    });
  }
  return [...found];
}

/** The text with every occurrence of each secret replaced by SECRET_ELIDED. */
export function elide(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret) out = out.split(secret).join(SECRET_ELIDED);
  }
  return out;
}

/** The sealer of message secrets (one key per server secret, purpose "message"). */
export function messageSealer(config: { SESSION_SECRET: string }): Sealer {
  return sealer(config.SESSION_SECRET, 'message');
}

export interface RevealedMessage {
  subject: string;
  body: string;
  secrets: string[];
}

/**
 * The whole text of a stored message for its transport (or the development outbox): the sealed
 * copy when there is one; null when it is sealed with another key. Never for a reader of the log.
 */
export function revealMessage(
  row: { subject: string; body: string; sealed: string | null },
  seal: Sealer | null,
): RevealedMessage | null {
  if (!row.sealed) return { subject: row.subject, body: row.body, secrets: [] };
  const opened = seal?.open(row.sealed) ?? null;
  return opened === null ? null : (JSON.parse(opened) as RevealedMessage);
}

/**
 * Queues an SMS or email in the caller's transaction: the outbox row and the delivery job exist
 * only if the change that causes them commits. Returns false when the key was used before.
 * Secrets named in `message.secrets` are stored elided and sealed (see the messages schema).
 */
export async function queueMessage(tx: Tx, queue: MessageQueue, message: NewMessage): Promise<boolean> {
  const kind = message.kind ?? 'general';
  const subject = message.subject ?? '';
  const secrets = [
    ...new Set([...(message.secrets ?? []), ...linkTokensIn(`${subject}\n${message.body}`)]),
  ].filter((s) => s.length > 0);
  if (SECRET_KINDS.has(kind) && secrets.length === 0) {
    throw new Error(`a ${kind} message must name its secret parts`);
  }
  const jobs = 'send' in queue ? queue : queue.jobs;
  let sealed: string | null = null;
  if (secrets.length > 0) {
    if ('send' in queue) throw new Error('a message with secrets needs the app context to seal them');
    sealed = messageSealer(queue.config).seal(JSON.stringify({ subject, body: message.body, secrets }));
  }
  // Issue 12.4: every SMS passes the country list and the hourly budgets here, the one writer.
  const policy = smsPolicyOf(queue);
  const hold =
    message.channel === 'sms' ? await smsHold(tx, policy, message.to, message.companyId ?? null) : null;
  const inserted = await tx
    .insert(messages)
    .values({
      ...(hold ? { status: 'failed' as const, lastError: `${HELD_PREFIX}${hold.reason}` } : {}),
      channel: message.channel,
      to: message.to,
      subject: elide(subject, secrets),
      body: elide(message.body, secrets),
      secret: secrets.length > 0,
      sealed,
      ownerId: message.ownerId ?? null,
      idempotencyKey: message.idempotencyKey,
      companyId: message.companyId ?? null,
      kind,
    })
    .onConflictDoNothing({ target: messages.idempotencyKey })
    .returning({ id: messages.id });
  const row = inserted[0];
  if (!row) return false;
  if (hold) {
    await alertOperatorOfHeldSms(tx, queue, policy, hold, message.companyId ?? null);
    return true;
  }
  await jobs.send(
    tx,
    SEND_MESSAGE_JOB,
    { messageId: row.id },
    {
      singletonKey: row.id,
      retryLimit: 5,
      ...(URGENT_KINDS.has(kind) ? { priority: URGENT_MESSAGE_PRIORITY } : {}),
    },
  );
  return true;
}

/**
 * Tells the operator (email to OPERATOR_EMAIL, in that staff member's language; the back office
 * shows the same figures and the held rows) that SMS are held back: once per limit, company and
 * clock hour, whatever the number of held messages.
 */
async function alertOperatorOfHeldSms(
  tx: Tx,
  queue: MessageQueue,
  policy: SmsPolicy,
  hold: NonNullable<Awaited<ReturnType<typeof smsHold>>>,
  companyId: string | null,
): Promise<void> {
  if ('send' in queue || !queue.config.OPERATOR_EMAIL) return;
  const usage = hold.usage ?? (await smsUsage(tx, companyId));
  const forCompany = hold.scope !== 'global' ? companyId : null;
  const [company] = forCompany
    ? await tx.select({ name: companies.name }).from(companies).where(eq(companies.id, forCompany))
    : [];
  const email = queue.config.OPERATOR_EMAIL.toLowerCase();
  const [staff] = await tx
    .select({ language: users.language })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  await queueCatalogMessage(tx, queue, {
    kind: 'operator_sms_held',
    language: languageOf(staff?.language),
    channel: 'email',
    to: email,
    params: {
      scope: hold.scope,
      companyName: company?.name ?? null,
      used: hold.scope === 'global' ? usage.global : usage.company,
      budget: hold.scope === 'global' ? policy.SMS_HOURLY_BUDGET : policy.SMS_HOURLY_BUDGET_PER_COMPANY,
      backOfficeUrl: `${queue.config.publicUrl ?? ''}/operator/meldinger`,
    },
    idempotencyKey: `sms-held:${hold.scope}:${forCompany ?? 'all'}:${usage.hour}`,
    companyId: null,
  });
}

/** The parts of a catalogue message's parameters that are secrets beyond its links' tokens (the codes). */
function catalogSecrets<K extends MessageKind>(kind: K, params: MessageParams[K]): string[] {
  if (kind === 'login_code') return [(params as MessageParams['login_code']).code];
  if (kind === 'ticket_move_code') return [(params as MessageParams['ticket_move_code']).code];
  return [];
}

/**
 * Queues a message of the catalogue (`src/domain/message-catalogue.ts`) in the recipient's
 * language, in the caller's transaction, under its idempotency key. Returns false for a repeat.
 * Its secrets (a login code, the tokens of links) are elided from the stored text.
 */
export async function queueCatalogMessage<K extends MessageKind>(
  tx: Tx,
  queue: MessageQueue,
  message: {
    kind: K;
    params: MessageParams[K];
    language: Language;
    channel: 'sms' | 'email';
    to: string;
    idempotencyKey: string;
    companyId?: string | null;
    /** Whose secret it carries (e.g. the subscription of a ticket link), for a resend. */
    ownerId?: string | null;
  },
): Promise<boolean> {
  const text = renderMessage(message.kind, message.language, message.params);
  return queueMessage(tx, queue, {
    channel: message.channel,
    to: message.to,
    subject: text.subject,
    body: text.body,
    idempotencyKey: message.idempotencyKey,
    companyId: message.companyId ?? null,
    kind: message.kind,
    secrets: catalogSecrets(message.kind, message.params),
    ownerId: message.ownerId ?? null,
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
