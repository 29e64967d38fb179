import {
  readTicketSettings,
  type TicketSettings,
  writeTicketSettings,
} from '../../db/repositories/ticket-devices';
import { recordAudit } from '../audit';
import type { AppContext, OperatorActor } from '../context';

/**
 * The bounds of the ticket settings. Moves: 0 (a ticket never moves) to 10 a month. Freshness:
 * at least 15 s (the wallet redraws its code every 5 s, and clocks drift), at most 300 s (a longer
 * window lets a screenshot pass for longer).
 */
export const TICKET_SETTING_LIMITS = {
  movesPerMonth: { min: 0, max: 10 },
  freshnessSeconds: { min: 15, max: 300 },
} as const;

/**
 * Saves the operator's ticket settings (issue 13 items 1 and 2), audited with before and after.
 * They apply at once: the moves left this month and the freshness window inspectors use (an
 * inspection device takes the new window with its next offline data).
 */
export async function updateTicketSettings(
  ctx: AppContext,
  input: { actor: OperatorActor; settings: TicketSettings },
): Promise<TicketSettings> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await readTicketSettings(tx);
    await writeTicketSettings(tx, input.settings, now);
    await recordAudit(tx, input.actor, now, {
      companyId: null,
      action: 'ticket_settings.updated',
      entityType: 'ticket_settings',
      entityId: '1',
      before,
      after: input.settings,
    });
    return input.settings;
  });
}
