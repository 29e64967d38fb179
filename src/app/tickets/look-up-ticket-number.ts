import { findTicketByNumber } from '../../db/repositories/tickets';
import { osloToday } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { numberVerdict, referenceDate, ticketWindow } from '../../domain/ticket';
import { formatTicketNumber } from '../../domain/ticket-number';
import type { AppContext, OperatorActor } from '../context';
import { takeSlots } from '../rate-limit';
import { zoneSetOn } from '../subscriptions/to-dto';
import type { VerificationDto } from './verify-credential';

/**
 * How many ticket numbers one inspector may look up: a person typing numbers stays far below
 * it, a script walking the number space does not get far (the number is 40 random bits).
 */
export const TICKET_NUMBER_LOOKUPS = { limit: 30, windowMs: 10 * 60_000 };

/**
 * Inspection by the short ticket number (issue 13 item 6), online only, for an inspector or an
 * operator admin: the same verdict as a scanned code, from the register itself — valid, or
 * not_yet_valid / expired / revoked, with the holder, today's zones, category and the ticket's
 * whole validity. Rate limited per user (TOO_MANY_REQUESTS); an unknown number, or an order that
 * never became a ticket, is TICKET_NUMBER_NOT_FOUND.
 */
export async function lookUpTicketNumber(
  ctx: AppContext,
  input: { actor: OperatorActor; ticketNumber: number },
): Promise<VerificationDto> {
  const now = ctx.clock.now();
  const slot = await takeSlots(
    ctx.db,
    [{ key: `ticket-number-lookup:${input.actor.userId}`, ...TICKET_NUMBER_LOOKUPS }],
    now,
  );
  if (!slot.ok) {
    const { retryAfterSeconds } = slot;
    throw new AppError('TOO_MANY_REQUESTS', {
      params: { retryAfterSeconds },
      details: { retryAfterSeconds },
    });
  }
  const sub = await findTicketByNumber(ctx.db, input.ticketNumber);
  if (!sub || sub.state === 'pending' || sub.state === 'rejected')
    throw new AppError('TICKET_NUMBER_NOT_FOUND');
  const verdict = numberVerdict(sub, now);
  const window = ticketWindow(sub);
  const day = referenceDate(sub.startDate, sub.endDate, osloToday(now));
  return {
    ...verdict,
    ticketId: sub.id,
    ticketNumber: formatTicketNumber(sub.ticketNumber),
    holder: { firstName: sub.firstName, lastName: sub.lastName },
    zoneIds: zoneSetOn(sub.zoneSets, day)?.zoneIds ?? [],
    categoryId: sub.categoryId,
    validFrom: window.validFrom.toISOString(),
    validTo: window.validTo?.toISOString() ?? null,
  };
}
