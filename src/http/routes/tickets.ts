import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { getTicket } from '../../app/tickets/get-ticket';
import { text } from '../schemas';

const holder = z.object({ firstName: z.string(), lastName: z.string() });

export const ticketResponse = z.object({
  status: z.enum(['upcoming', 'valid', 'ended']),
  validFrom: z.string().describe('00:00 Oslo on the start date'),
  validTo: z
    .string()
    .nullable()
    .describe('The last valid second (23:59:59 Oslo on the end date); null = open-ended'),
  holder,
  zoneIds: z.array(z.string()),
  categoryId: z.string(),
  credential: z.string().describe('Compact JWS (EdDSA, kid) of the current ticket period'),
  credentialValidFrom: z.string(),
  credentialValidTo: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  companyName: z.string(),
  category: z.object({ id: z.string(), name: z.string(), nameEn: z.string() }),
  zones: z.array(z.object({ id: z.string(), name: z.string() })),
});

/** The ticket wallet's API: the link's token is the capability, no session needed. */
export function ticketRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/tickets/:ticketAccessToken',
      {
        schema: {
          tags: ['tickets'],
          params: z.object({ ticketAccessToken: text.opaque({ max: 200 }) }),
          response: { 200: ticketResponse },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-cache');
        return getTicket(ctx, { token: request.params.ticketAccessToken });
      },
    );
  };
}
