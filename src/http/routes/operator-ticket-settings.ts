import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { getTicketSettings } from '../../app/operator/get-ticket-settings';
import { TICKET_SETTING_LIMITS, updateTicketSettings } from '../../app/operator/update-ticket-settings';
import { requireOperator } from '../auth/sessions';

const { movesPerMonth, freshnessSeconds } = TICKET_SETTING_LIMITS;

const settingsSchema = z.object({
  movesPerMonth: z
    .number()
    .int()
    .min(movesPerMonth.min)
    .max(movesPerMonth.max)
    .describe('How many times a month a ticket may move to another device'),
  freshnessSeconds: z
    .number()
    .int()
    .min(freshnessSeconds.min)
    .max(freshnessSeconds.max)
    .describe('How old (seconds) a QR code may be when inspected; older is a copy or stale'),
});

/** The operator's ticket settings (issue 13): read by all back-office staff, changed by admins. */
export function operatorTicketSettingsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['operator'];
    app.get(
      '/api/operator/ticket-settings',
      {
        schema: {
          tags,
          summary: 'Moves per month and the QR freshness window (defaults 3 and 60 s until saved)',
          response: { 200: settingsSchema },
        },
      },
      async (request) => {
        requireOperator(request);
        return getTicketSettings(ctx);
      },
    );
    app.put(
      '/api/operator/ticket-settings',
      {
        schema: {
          tags,
          summary: 'Change the ticket settings (operator admin); audited',
          body: settingsSchema,
          response: { 200: settingsSchema },
        },
      },
      async (request) => {
        const actor = requireOperator(request, { write: true });
        return updateTicketSettings(ctx, { actor, settings: request.body });
      },
    );
  };
}
