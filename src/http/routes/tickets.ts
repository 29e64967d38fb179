import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { activateTicket } from '../../app/tickets/activate-ticket';
import type { ProofInput } from '../../app/tickets/device-proof';
import { issueDpopNonce } from '../../app/tickets/dpop-nonce';
import { getTicket } from '../../app/tickets/get-ticket';
import { requestTicketMove } from '../../app/tickets/request-ticket-move';
import { verifyTicketMove } from '../../app/tickets/verify-ticket-move';
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
  credential: z
    .string()
    .nullable()
    .describe(
      "Today's credential: compact JWS (EdDSA, kid) whose cnf.jkt is the bound device key; null without a DPoP proof of that key",
    ),
  credentialValidFrom: z.string().nullable(),
  credentialValidTo: z.string().nullable(),
  codes: z
    .array(z.object({ credential: z.string(), validFrom: z.string(), validTo: z.string() }))
    .describe(
      "Today's and the next days' credentials as COSE_Sign1 (base64url) for the QR code, which the wallet signs with its key (docs/decisions/014)",
    ),
  device: z.enum(['this', 'other', 'none']).describe('Where the ticket is activated'),
  movesLeft: z.number().int(),
  freshnessSeconds: z.number().int().describe('How old a QR code may be at inspection'),
  ticketNumber: z
    .string()
    .nullable()
    .describe('Crockford base32 with a check character; null for a browser the ticket is not bound to'),
  serverTime: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  companyName: z.string(),
  category: z.object({ id: z.string(), name: z.string(), nameEn: z.string() }),
  zones: z.array(z.object({ id: z.string(), name: z.string() })),
});

const params = z.object({ ticketAccessToken: text.opaque({ max: 200 }) });
const dpopHeaders = z.object({
  dpop: text
    .opaque({ max: 4096 })
    .optional()
    .describe('RFC 9449 DPoP proof (ES256, typ dpop+jwt) of the wallet key'),
});

/**
 * The URLs a DPoP proof's `htu` may name (issue 13, L9): the request's path under PUBLIC_URL, the
 * one address the service has. The Host header is the client's to choose, so it counts only in
 * development (the Vite dev server, the browser tests on 127.0.0.1).
 */
export function proofUrls(
  config: { publicUrl: string; isDev: boolean },
  request: { protocol: string; host: string; url: string },
): string[] {
  const path = request.url.split('?')[0] ?? '';
  const urls = [`${config.publicUrl}${path}`];
  if (config.isDev) urls.push(`${request.protocol}://${request.host}${path}`);
  return urls;
}

/** The DPoP header and the URLs the proof may name (proofUrls). */
function proofOf(ctx: AppContext, request: FastifyRequest): ProofInput {
  const header = request.headers.dpop;
  return {
    proof: typeof header === 'string' ? header : undefined,
    method: request.method,
    urls: proofUrls(ctx.config, request),
    nonceSecret: ctx.config.SESSION_SECRET,
  };
}

/** The ticket wallet's API: the link's token names the ticket, the DPoP key proves the device. */
export function ticketRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // RFC 9449 §8: every answer carries a fresh DPoP nonce; a refused proof says how to recover.
    app.addHook('onSend', async (request, reply, payload) => {
      reply.header('DPoP-Nonce', issueDpopNonce(ctx.config.SESSION_SECRET, ctx.clock.now()));
      if (reply.statusCode === 401 && request.headers.dpop !== undefined) {
        const nonce = typeof payload === 'string' && payload.includes('"use_dpop_nonce"');
        reply.header(
          'WWW-Authenticate',
          nonce
            ? 'DPoP algs="ES256", error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"'
            : 'DPoP algs="ES256", error="invalid_dpop_proof"',
        );
      }
      return payload;
    });
    app.get(
      '/api/tickets/:ticketAccessToken',
      {
        schema: { tags: ['tickets'], params, headers: dpopHeaders, response: { 200: ticketResponse } },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        reply.header('referrer-policy', 'no-referrer');
        return getTicket(ctx, { token: request.params.ticketAccessToken, proof: proofOf(ctx, request) });
      },
    );
    app.post(
      '/api/tickets/:ticketAccessToken/activate',
      {
        schema: {
          tags: ['tickets'],
          description:
            'Binds the ticket to the DPoP key; another key while one is bound is 409 TICKET_ON_OTHER_DEVICE',
          params,
          headers: dpopHeaders,
          response: { 200: ticketResponse },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return activateTicket(ctx, { token: request.params.ticketAccessToken, proof: proofOf(ctx, request) });
      },
    );
    app.post(
      '/api/tickets/:ticketAccessToken/move',
      {
        schema: {
          tags: ['tickets'],
          description: "Sends a code by SMS to the holder's phone for moving the ticket to another device",
          params,
          response: { 202: z.object({ expiresAt: z.string() }) },
        },
      },
      async (request, reply) => {
        reply.code(202);
        return requestTicketMove(ctx, { token: request.params.ticketAccessToken });
      },
    );
    app.post(
      '/api/tickets/:ticketAccessToken/move/verify',
      {
        schema: {
          tags: ['tickets'],
          description: 'The SMS code and a DPoP proof of the new key: binds the ticket to it',
          params,
          headers: dpopHeaders,
          body: z.object({ code: text.oneTimeCode({ digits: 6 }) }),
          response: { 200: ticketResponse },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return verifyTicketMove(ctx, {
          token: request.params.ticketAccessToken,
          code: request.body.code,
          proof: proofOf(ctx, request),
        });
      },
    );
  };
}
