import { lockByTicketToken, ticketNames } from '../../db/repositories/tickets';
import { AppError } from '../../domain/errors';
import { type TicketStatus, ticketStatus, ticketWindow } from '../../domain/ticket';
import type { AppContext } from '../context';
import { issueCredential } from './issue-credential';

/** The contract's ticket object plus names for display. */
export interface TicketDto {
  status: TicketStatus;
  validFrom: string;
  validTo: string | null;
  holder: { firstName: string; lastName: string };
  zoneIds: string[];
  categoryId: string;
  credential: string;
  credentialValidFrom: string;
  credentialValidTo: string | null;
  startDate: string;
  endDate: string | null;
  companyName: string;
  category: { id: string; name: string; nameEn: string };
  zones: { id: string; name: string }[];
}

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * Opens a ticket by the link's token (rule 7, seed step 7). Only an approved subscription has a
 * ticket: pending, rejected and cancelled ones answer TICKET_NOT_FOUND (404), like a wrong token.
 * An ended ticket still answers, with status "ended" and its last credential.
 */
export async function getTicket(ctx: AppContext, input: { token: string }): Promise<TicketDto> {
  if (!TOKEN.test(input.token)) throw new AppError('TICKET_NOT_FOUND');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const sub = await lockByTicketToken(tx, input.token);
    if (sub?.state !== 'approved') throw new AppError('TICKET_NOT_FOUND');
    const credential = await issueCredential(tx, ctx, sub, now);
    const names = await ticketNames(tx, {
      companyId: sub.companyId,
      categoryId: sub.categoryId,
      zoneIds: credential.zoneIds,
    });
    const window = ticketWindow(sub);
    return {
      status: ticketStatus(sub, now),
      validFrom: window.validFrom.toISOString(),
      validTo: window.validTo?.toISOString() ?? null,
      holder: { firstName: sub.firstName, lastName: sub.lastName },
      zoneIds: credential.zoneIds,
      categoryId: sub.categoryId,
      credential: credential.jws,
      credentialValidFrom: credential.validFrom.toISOString(),
      credentialValidTo: credential.validTo?.toISOString() ?? null,
      startDate: sub.startDate,
      endDate: sub.endDate,
      ...names,
    };
  });
}
