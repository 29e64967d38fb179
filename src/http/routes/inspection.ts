import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { verifyCredential } from '../../app/tickets/verify-credential';
import { text } from '../schemas';

export const verificationResponse = z.object({
  valid: z.boolean(),
  reason: z
    .enum(['expired', 'not_yet_valid', 'bad_signature', 'unknown_key', 'malformed', 'revoked'])
    .optional(),
  ticketId: z.string().nullable(),
  holder: z.object({ firstName: z.string(), lastName: z.string() }).nullable(),
  zoneIds: z.array(z.string()).nullable(),
  categoryId: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable().describe('The last valid second'),
});

/** Ticket inspection online: the offline check plus revocation. Public, like the public key. */
export function inspectionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/inspection/verify',
      {
        schema: {
          tags: ['tickets'],
          body: z.object({ credential: text.opaque({ max: 100_000, min: 0 }) }),
          response: { 200: verificationResponse },
        },
      },
      async (request) => verifyCredential(ctx, { credential: request.body.credential }),
    );
  };
}
