import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import {
  inspectionOfflineData,
  publishStatusList,
  STATUS_LIST_TTL_SECONDS,
} from '../../app/tickets/status-list';
import { verifyCredential } from '../../app/tickets/verify-credential';
import { AppError } from '../../domain/errors';
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
      { schema: { tags: ['tickets'], body: verifyBody, response: { 200: verificationResponse } } },
      async (request) => {
        const code = request.body.code ?? request.body.credential;
        if (code === undefined) {
          throw new AppError('VALIDATION_FAILED', { details: [{ path: 'body.code', message: 'Required' }] });
        }
        return verifyCredential(ctx, { code });
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
