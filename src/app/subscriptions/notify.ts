import { eq } from 'drizzle-orm';
import { randomToken, sha256 } from '../../adapters/tokens';
import type { Tx } from '../../db/engine';
import type { SubscriptionRow } from '../../db/repositories/subscriptions';
import { setTicketTokenHash } from '../../db/repositories/tickets';
import { companies } from '../../db/schema';
import type { IsoDate } from '../../domain/calendar';
import type { Language, MessageKind, MessageParams } from '../../domain/message-catalogue';
import { consentToken } from '../companies/consent-link';
import type { AppContext } from '../context';
import { employeeLanguage, queueCatalogMessage } from '../messages';

type Employee = Pick<SubscriptionRow, 'companyId' | 'phone' | 'firstName'>;
/** What a caller may already know of an SMS's recipient (saves the lookups, issue 17 item 4). */
export interface Known {
  companyName?: string;
  language?: Language;
}
type Extra<K extends MessageKind> = Omit<MessageParams[K], 'firstName' | 'companyName'>;

async function company(tx: Tx, companyId: string) {
  const [row] = await tx.select({ name: companies.name }).from(companies).where(eq(companies.id, companyId));
  return { name: row?.name ?? '' };
}

export function ticketUrl(ctx: AppContext, ticketAccessToken: string): string {
  return `${ctx.config.publicUrl}/billett/${ticketAccessToken}`;
}

/**
 * Queues an SMS of the catalogue to an employee, in the language they chose, with their first
 * name and the company's name filled in. The key makes a repeated action send once.
 */
export async function smsEmployee<K extends MessageKind>(
  tx: Tx,
  ctx: AppContext,
  to: Employee,
  kind: K,
  params: Extra<K>,
  idempotencyKey: string,
  /** The subscription whose ticket link the SMS carries, so a resend can make a new link. */
  ownerId?: string,
  /** The company's name and the employee's language when the caller read them in this transaction. */
  known: Known = {},
): Promise<boolean> {
  const name = known.companyName ?? (await company(tx, to.companyId)).name;
  return queueCatalogMessage(tx, ctx, {
    kind,
    params: { ...params, firstName: to.firstName, companyName: name } as MessageParams[K],
    language: known.language ?? (await employeeLanguage(tx, to.companyId, to.phone)),
    channel: 'sms',
    to: to.phone,
    idempotencyKey,
    companyId: to.companyId,
    ownerId: ownerId ?? null,
  });
}

/**
 * The SMS that tells the employee the ticket is approved, with the link that opens the wallet
 * (seed step 7). Keyed by subscription and start date: approving twice sends one SMS. The link's
 * token is made here and only its SHA-256 is stored (issue 12 item 9), and only when this SMS is
 * really queued, so a repeated approval never breaks the link already sent.
 */
export async function queueTicketSms(
  tx: Tx,
  ctx: AppContext,
  sub: SubscriptionRow,
  idempotencyKey = `ticket-sms:${sub.id}:${sub.startDate}`,
  /** Issue 15 (a): a company-made ticket's deduction to agree to, with the consent link. */
  consent: { deductionOre: number; consentUrl: string } | null = null,
  known: Known = {},
): Promise<void> {
  const token = randomToken();
  const queued = await smsEmployee(
    tx,
    ctx,
    sub,
    'ticket_approved',
    { startDate: sub.startDate, ticketUrl: ticketUrl(ctx, token), consent },
    idempotencyKey,
    sub.id,
    known,
  );
  if (queued) await setTicketTokenHash(tx, sub.id, sha256(token));
}

/** The SMS that tells the employee the order was rejected, with the reason if one was given. */
export async function queueRejectionSms(
  tx: Tx,
  ctx: AppContext,
  sub: SubscriptionRow,
  reason: string | null,
) {
  await smsEmployee(tx, ctx, sub, 'order_rejected', { reason }, `rejection-sms:${sub.id}`);
}

/**
 * The SMS that tells the employee the company ended the ticket (issue 15): the last valid day,
 * "from now" when it ended at once, or that it never starts. Keyed by subscription and end date
 * (or cancellation), so a repeat sends once and a later change of date sends again.
 * `endDate` is the new last valid day (null when cancelled before start).
 */
export async function queueEndedByCompanySms(
  tx: Tx,
  ctx: AppContext,
  sub: Employee & { id: string },
  end: { endDate: IsoDate | null; now: boolean },
): Promise<void> {
  const cancelled = end.endDate === null;
  await smsEmployee(
    tx,
    ctx,
    sub,
    'ended_by_company',
    { lastValidDay: end.endDate, now: end.now && !cancelled, cancelled },
    `ended-by-company:${sub.id}:${end.endDate ?? 'cancelled'}`,
  );
}

/** The consent page link of the employee's company (for messages asking to confirm a deduction). */
export async function consentLink(_tx: Tx, ctx: AppContext, companyId: string): Promise<string> {
  // Issue 15 (b): its own signed token, so rotating the order link or closing self-service
  // does not kill a consent link already sent.
  return `${ctx.config.publicUrl}/samtykke/${consentToken(ctx.config, companyId)}`;
}

/**
 * Item 16.1: the SMS that tells the employee a planned end was withdrawn and the ticket runs on.
 * Keyed by subscription, the withdrawn end and the moment, so a later withdrawal sends again.
 */
export async function queueEndWithdrawnSms(
  tx: Tx,
  ctx: AppContext,
  sub: Employee & { id: string },
  withdrawnEnd: IsoDate,
  at: Date,
): Promise<void> {
  await smsEmployee(
    tx,
    ctx,
    sub,
    'end_withdrawn',
    { withdrawnEnd },
    `end-withdrawn:${sub.id}:${withdrawnEnd}:${at.getTime()}`,
  );
}
