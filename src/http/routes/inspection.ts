import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { lookUpTicketNumber } from '../../app/tickets/look-up-ticket-number';
import {
  inspectionOfflineData,
  publishStatusList,
  STATUS_LIST_TTL_SECONDS,
} from '../../app/tickets/status-list';
import { verifyCredentialFrom } from '../../app/tickets/verify-credential';
import { AppError } from '../../domain/errors';
import { requireInspector } from '../auth/sessions';
import { text } from '../schemas';

export const verificationResponse = z.object({
  valid: z.boolean(),
  reason: z
    .enum([
      'expired',
      'not_yet_valid',
      'bad_signature',
      'unknown_key',
      'malformed',
      'device_proof_missing',
      'device_proof_invalid',
      'stale',
      'revoked',
    ])
    .optional(),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  holder: z.object({ firstName: z.string(), lastName: z.string() }).nullable(),
  zoneIds: z.array(z.string()).nullable(),
  categoryId: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable().describe('The last valid second'),
  codeTime: z.string().nullable().optional().describe('When the wallet signed the QR code'),
});

const verifyBody = z
  .object({
    code: text.opaque({ max: 100_000, min: 0 }).optional().describe("The text of the ticket's QR code"),
    credential: text.opaque({ max: 100_000, min: 0 }).optional().describe('Synonym of code (v1)'),
  })
  .describe('One of code or credential');

/** Ticket inspection online: the offline check plus revocation, and the signed revocation list. Public. */
export function inspectionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/inspection/verify',
      {
        schema: {
          tags: ['tickets'],
          description:
            'Rate limited per client address (429 TOO_MANY_REQUESTS with Retry-After). A stale code or one without the right device signature gets no holder name.',
          body: verifyBody,
          response: { 200: verificationResponse },
        },
      },
      async (request) => {
        const code = request.body.code ?? request.body.credential;
        if (code === undefined) {
          throw new AppError('VALIDATION_FAILED', { details: [{ path: 'body.code', message: 'Required' }] });
        }
        return verifyCredentialFrom(ctx, { code, address: request.ip });
      },
    );
    app.get(
      '/api/inspection/tickets/:ticketNumber',
      {
        // The login is checked before the number is read: without one it is 401, whatever is typed.
        onRequest: async (request) => {
          requireInspector(request);
        },
        schema: {
          tags: ['tickets'],
          summary: 'Inspect a ticket by its short number (inspector or operator admin login; rate limited)',
          description:
            'The same verdict as POST /api/inspection/verify, from the register: valid, or not_yet_valid, expired or revoked. 401 without a login, 403 for any other role, 400 TICKET_NUMBER_INVALID for a number of the wrong form or with a wrong check character (details name the field), 404 TICKET_NUMBER_NOT_FOUND, 429 TOO_MANY_REQUESTS with Retry-After.',
          security: [{ session: [] }],
          params: z.object({
            ticketNumber: text
              .ticketNumber()
              .describe(
                'Crockford base32, 8 symbols and a check symbol; case, I/L/O, spaces and hyphens are forgiven',
              ),
          }),
          response: { 200: verificationResponse },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        const actor = requireInspector(request);
        return lookUpTicketNumber(ctx, { actor, ticketNumber: request.params.ticketNumber });
      },
    );
    app.get(
      '/api/inspection/status-list',
      {
        schema: {
          tags: ['tickets'],
          description:
            'The revocation list: a statuslist+jwt (IETF Token Status List) signed with the ticket key, one bit per credential',
          response: { 200: z.object({ token: z.string(), issuedAt: z.string() }) },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', `public, max-age=${Math.min(60, STATUS_LIST_TTL_SECONDS)}`);
        return publishStatusList(ctx);
      },
    );
    app.get(
      '/api/inspection/offline-data',
      {
        schema: {
          tags: ['tickets'],
          description:
            'What an inspection device caches for offline checks: the revocation list, the freshness window and the zone codes the QR uses',
          response: {
            200: z.object({
              statusList: z.string(),
              issuedAt: z.string(),
              freshnessSeconds: z.number().int(),
              zones: z.array(z.object({ code: z.number().int(), id: z.string(), name: z.string() })),
            }),
          },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'no-store');
        return inspectionOfflineData(ctx);
      },
    );
  };
}
