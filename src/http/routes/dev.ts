import { desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AdjustableClock } from '../../adapters/clock';
import type { AppContext } from '../../app/context';
import { messageSealer, revealMessage } from '../../app/messages';
import { messages } from '../../db/schema';
import { normalizeMobile } from '../../domain/phone';
import { sendError } from '../reply-error';
import { text } from '../schemas';

/**
 * True for a loopback socket address: 127.0.0.0/8, ::1 and IPv4-mapped 127.x. The socket, never a
 * header: X-Forwarded-For and friends are whatever the caller wrote.
 */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * Development and test helpers. Not registered at all when NODE_ENV=production (404); in
 * development they answer only callers on this machine (anyone else gets the same 404).
 */
export function devRoutes(ctx: AppContext, clock: AdjustableClock): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRequest', async (request, reply) => {
      if (!isLoopback(request.raw.socket.remoteAddress)) return sendError(request, reply, 'ROUTE_NOT_FOUND');
    });

    app.get(
      '/api/dev/outbox',
      {
        schema: {
          tags: ['dev'],
          querystring: z.object({
            to: text.singleLine({ max: 320 }).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(200),
          }),
        },
      },
      async (request) => {
        const { to, limit } = request.query;
        const rows = await ctx.db
          .select()
          .from(messages)
          .where(to ? eq(messages.to, normaliseRecipient(to)) : undefined)
          .orderBy(desc(messages.createdAt), desc(messages.id))
          .limit(limit);
        // The outbox is the simulated phone and mailbox: it shows what the recipient got, secrets too.
        const seal = messageSealer(ctx.config);
        return {
          messages: rows.map((m) => {
            const { subject, body } = revealMessage(m, seal) ?? m;
            return {
              id: m.id,
              channel: m.channel,
              to: m.to,
              subject,
              body,
              kind: m.kind,
              status: m.status,
              createdAt: m.createdAt.toISOString(),
            };
          }),
        };
      },
    );

    app.get('/api/dev/clock', { schema: { tags: ['dev'] } }, async () => ({
      now: clock.now().toISOString(),
      adjusted: clock.isAdjusted,
    }));

    app.put(
      '/api/dev/clock',
      { schema: { tags: ['dev'], body: z.object({ now: z.iso.datetime({ offset: true }) }) } },
      async (request) => {
        clock.set(new Date(request.body.now));
        return { now: clock.now().toISOString(), adjusted: true };
      },
    );

    app.delete('/api/dev/clock', { schema: { tags: ['dev'] } }, async () => {
      clock.reset();
      return { now: clock.now().toISOString(), adjusted: false };
    });
  };
}

/** Phone numbers are stored in E.164; let `?to=91234567` or `+47 912 34 567` find them. */
function normaliseRecipient(to: string): string {
  const trimmed = to.trim();
  if (trimmed.includes('@')) return trimmed.toLowerCase();
  return normalizeMobile(trimmed) ?? trimmed;
}
