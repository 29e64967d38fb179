import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { publicKeys } from '../../app/tickets/public-keys';

const jwk = z.object({
  kty: z.string(),
  crv: z.string(),
  x: z.string(),
  kid: z.string(),
  alg: z.string(),
  use: z.string(),
});

/** The operator's public ticket-signing keys. Loading them at start fails fast on a bad config. */
export function jwksRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await publicKeys(ctx);
    app.get(
      '/.well-known/jwks.json',
      { schema: { tags: ['tickets'], response: { 200: z.object({ keys: z.array(jwk) }) } } },
      async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=300');
        return publicKeys(ctx);
      },
    );
  };
}
