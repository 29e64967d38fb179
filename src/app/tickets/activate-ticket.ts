import { bindDevice } from '../../db/repositories/ticket-devices';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import type { AppContext } from '../context';
import { type ProofInput, requirePossession } from './device-proof';
import { lockTicket, movesLeft, type TicketDto, ticketDto } from './get-ticket';

/**
 * Activation on first open (issue 13): binds the ticket to the key the DPoP proof shows. The same
 * key again is a no-op; another key while one is bound is 409 TICKET_ON_OTHER_DEVICE with
 * details.movesLeft (the wallet offers the move).
 */
export async function activateTicket(
  ctx: AppContext,
  input: { token: string; proof: ProofInput },
): Promise<TicketDto> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const sub = await lockTicket(tx, input.token);
    const device = await requirePossession(tx, input.proof, now);
    if (sub.deviceJkt !== null && sub.deviceJkt !== device.jkt) {
      throw new AppError('TICKET_ON_OTHER_DEVICE', { details: { movesLeft: await movesLeft(tx, sub, now) } });
    }
    if (sub.deviceJkt === null) {
      await bindDevice(tx, sub.id, { jkt: device.jkt, key: device.jwk }, now);
      await recordAudit(tx, { type: 'system', label: 'ticket-wallet' }, now, {
        companyId: sub.companyId,
        action: 'ticket.activated',
        entityType: 'subscription',
        entityId: sub.id,
        after: { deviceJkt: device.jkt },
      });
    }
    return ticketDto(tx, ctx, { ...sub, deviceJkt: device.jkt }, device, now);
  });
}
