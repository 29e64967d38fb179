import { safeEqual } from '../../adapters/tokens';
import {
  bindDevice,
  completeMove,
  countWrongMoveTry,
  currentMoveCode,
  revokeAllCredentials,
} from '../../db/repositories/ticket-devices';
import { osloNow } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import type { AppContext } from '../context';
import { smsEmployee } from '../subscriptions/notify';
import { type ProofInput, requirePossession } from './device-proof';
import { lockTicket, movesLeft, type TicketDto, ticketDto } from './get-ticket';
import { hashMoveCode, MOVE_CODE } from './request-ticket-move';

/**
 * Completes a move (issue 13): the SMS code and a DPoP proof of the new device's key. The ticket
 * is bound to the new key, every credential of the old one is revoked (so it fails inspection, on
 * the revocation list too), and the holder gets an SMS saying the ticket moved. A wrong code counts
 * a try (MOVE_CODE_INVALID); an expired, used-up or missing one is MOVE_CODE_EXPIRED. A proof
 * of the key the ticket is already bound to answers the ticket and changes nothing (no move counted,
 * no SMS).
 */
/** "2027-03-02 08:00" in Oslo time, as the moved-SMS names the moment in either language. */
function osloDateTime(now: Date): string {
  const t = osloNow(now);
  return `${t.toPlainDate().toString()} ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

export async function verifyTicketMove(
  ctx: AppContext,
  input: { token: string; code: string; proof: ProofInput },
): Promise<TicketDto> {
  const now = ctx.clock.now();
  const result = await ctx.db.transaction(async (tx) => {
    const sub = await lockTicket(tx, input.token);
    const device = await requirePossession(tx, input.proof, now);
    // Moving to the key the ticket is already bound to is no move: nothing counted, revoked or sent.
    if (sub.deviceJkt === device.jkt)
      return { wrong: null, ticket: await ticketDto(tx, ctx, sub, device, now) };
    const move = await currentMoveCode(tx, sub.id);
    if (!move || move.expiresAt.getTime() <= now.getTime() || move.attempts >= MOVE_CODE.maxTries) {
      throw new AppError('MOVE_CODE_EXPIRED');
    }
    if (!safeEqual(hashMoveCode(ctx.config.SESSION_SECRET, sub.id, input.code.trim()), move.codeHash)) {
      return { wrong: move.id, ticket: null } as const;
    }
    if ((await movesLeft(tx, sub, now)) === 0)
      throw new AppError('TICKET_MOVE_LIMIT', { details: { movesLeft: 0 } });
    if (!(await completeMove(tx, move.id, device.jkt, now))) throw new AppError('MOVE_CODE_EXPIRED');
    const revoked = await revokeAllCredentials(tx, sub.id, now);
    await bindDevice(tx, sub.id, { jkt: device.jkt, key: device.jwk }, now);
    await recordAudit(tx, { type: 'system', label: 'ticket-wallet' }, now, {
      companyId: sub.companyId,
      action: 'ticket.moved',
      entityType: 'subscription',
      entityId: sub.id,
      before: { deviceJkt: sub.deviceJkt },
      after: { deviceJkt: device.jkt, revokedCredentials: revoked },
    });
    await smsEmployee(tx, ctx, sub, 'ticket_moved', { at: osloDateTime(now) }, `ticket-moved:${move.id}`);
    return {
      wrong: null,
      ticket: await ticketDto(tx, ctx, { ...sub, deviceJkt: device.jkt }, device, now),
    } as const;
  });
  if (result.ticket) return result.ticket;
  // The wrong try is counted in its own transaction, so the 400 does not roll it back.
  const wrongId = result.wrong;
  const tries = await ctx.db.transaction((tx) => countWrongMoveTry(tx, wrongId, MOVE_CODE.maxTries));
  if (tries === null || tries >= MOVE_CODE.maxTries) throw new AppError('MOVE_CODE_EXPIRED');
  throw new AppError('MOVE_CODE_INVALID', { details: { triesLeft: MOVE_CODE.maxTries - tries } });
}
