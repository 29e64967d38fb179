import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { randomDigits } from '../../adapters/tokens';
import { replaceMoveCode } from '../../db/repositories/ticket-devices';
import { companies } from '../../db/schema';
import { AppError } from '../../domain/errors';
import type { AppContext } from '../context';
import { employeeLanguage, queueCatalogMessage } from '../messages';
import { assertWithinLimit, recordEvent } from '../rate-limit';
import { lockTicket, movesLeft } from './get-ticket';

/** A move code lives 10 minutes and allows 5 wrong tries; at most 3 codes per ticket per hour. */
export const MOVE_CODE = { ttlMs: 10 * 60_000, maxTries: 5, length: 6, perHour: 3 };

/** The stored form of a move code: an HMAC over the ticket and the code, keyed with the server secret. */
export function hashMoveCode(secret: string, subscriptionId: string, code: string): string {
  return createHmac('sha256', secret).update(`ticket-move\n${subscriptionId}\n${code}`).digest('hex');
}

/**
 * Starts moving a ticket to another device (issue 13): sends a 6-digit code by SMS to the holder's
 * phone. Only a ticket activated somewhere can move (else TICKET_NOT_ACTIVATED), only while moves
 * are left this month (TICKET_MOVE_LIMIT), and at most MOVE_CODE.perHour codes an hour.
 */
export async function requestTicketMove(
  ctx: AppContext,
  input: { token: string },
): Promise<{ expiresAt: string }> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const sub = await lockTicket(tx, input.token);
    if (sub.deviceJkt === null) throw new AppError('TICKET_NOT_ACTIVATED');
    const left = await movesLeft(tx, sub, now);
    if (left === 0) throw new AppError('TICKET_MOVE_LIMIT', { details: { movesLeft: 0 } });
    const key = `ticket-move:${sub.id}`;
    await assertWithinLimit(tx, { key, limit: MOVE_CODE.perHour, windowMs: 60 * 60_000 }, now);
    await recordEvent(tx, key, now);
    const code = randomDigits(MOVE_CODE.length);
    const expiresAt = new Date(now.getTime() + MOVE_CODE.ttlMs);
    const row = await replaceMoveCode(tx, {
      subscriptionId: sub.id,
      codeHash: hashMoveCode(ctx.config.SESSION_SECRET, sub.id, code),
      expiresAt,
      createdAt: now,
    });
    const [company] = await tx
      .select({ name: companies.name })
      .from(companies)
      .where(eq(companies.id, sub.companyId));
    await queueCatalogMessage(tx, ctx, {
      kind: 'ticket_move_code',
      params: { code, companyName: company?.name ?? '', minutes: MOVE_CODE.ttlMs / 60_000 },
      language: await employeeLanguage(tx, sub.companyId, sub.phone),
      channel: 'sms',
      to: sub.phone,
      idempotencyKey: `ticket-move-code:${row.id}`,
      companyId: sub.companyId,
    });
    return { expiresAt: expiresAt.toISOString() };
  });
}
