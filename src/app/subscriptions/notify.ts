import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/engine';
import type { SubscriptionRow } from '../../db/repositories/subscriptions';
import { companies } from '../../db/schema';
import { formatDateNb } from '../../domain/calendar';
import type { AppContext } from '../context';
import { queueMessage } from '../messages';

async function companyName(tx: Tx, companyId: string): Promise<string> {
  const [company] = await tx
    .select({ name: companies.name })
    .from(companies)
    .where(eq(companies.id, companyId));
  return company?.name ?? '';
}

export function ticketUrl(ctx: AppContext, ticketAccessToken: string): string {
  return `${ctx.config.publicUrl}/billett/${ticketAccessToken}`;
}

/**
 * The SMS that tells the employee the ticket is approved, with the link that opens the wallet
 * (seed step 7). Keyed by subscription and start date: approving twice sends one SMS.
 */
export async function queueTicketSms(tx: Tx, ctx: AppContext, sub: SubscriptionRow): Promise<void> {
  const name = await companyName(tx, sub.companyId);
  await queueMessage(tx, ctx.jobs, {
    channel: 'sms',
    to: sub.phone,
    body:
      `Hei ${sub.firstName}! Bedriftsbilletten din fra ${name} er godkjent og gjelder fra ${formatDateNb(sub.startDate)}. ` +
      `Åpne billetten: ${ticketUrl(ctx, sub.ticketAccessToken)}`,
    idempotencyKey: `ticket-sms:${sub.id}:${sub.startDate}`,
    companyId: sub.companyId,
    kind: 'ticket_approved',
  });
}

/** The SMS that tells the employee the order was rejected, with the reason if one was given. */
export async function queueRejectionSms(
  tx: Tx,
  ctx: AppContext,
  sub: SubscriptionRow,
  reason: string | null,
) {
  const name = await companyName(tx, sub.companyId);
  const because = reason ? ` Begrunnelse: ${reason}` : '';
  await queueMessage(tx, ctx.jobs, {
    channel: 'sms',
    to: sub.phone,
    body: `Hei ${sub.firstName}! Bestillingen av bedriftsbillett hos ${name} ble dessverre avvist.${because}`,
    idempotencyKey: `rejection-sms:${sub.id}`,
    companyId: sub.companyId,
    kind: 'order_rejected',
  });
}
