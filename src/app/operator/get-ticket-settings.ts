import { readTicketSettings, type TicketSettings } from '../../db/repositories/ticket-devices';
import type { AppContext } from '../context';

/** The operator's ticket settings (issue 13): moves per month and the QR freshness window; defaults until saved. */
export async function getTicketSettings(ctx: AppContext): Promise<TicketSettings> {
  return readTicketSettings(ctx.db);
}
