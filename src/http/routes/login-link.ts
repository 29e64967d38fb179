import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { logInWithLink } from '../../app/auth/log-in-with-link';
import { requestLoginLink } from '../../app/auth/request-login-link';
import type { AppContext } from '../../app/context';
import { signIn, signInResponse } from '../auth/sign-in';
import { text } from '../schemas';

/** One-time sign-in links by email: the way in while password login is locked. */
export function loginLinkRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/auth/login-link',
      {
        schema: {
          tags: ['auth'],
          summary:
            'Email a one-time sign-in link (15 minutes); always 202, whether the address is known or not',
          body: z.object({ email: text.email() }),
          response: { 202: z.object({ ok: z.literal(true) }) },
        },
      },
      async (request, reply) => {
        await requestLoginLink(ctx, { email: request.body.email, ip: request.ip });
        return reply.status(202).send({ ok: true });
      },
    );

    app.post(
      '/api/auth/login-link/:token',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign in with the emailed link (single use; works while password login is locked)',
          params: z.object({ token: text.opaque({ max: 200 }) }),
          response: { 200: signInResponse },
        },
      },
      async (request, reply) => {
        const user = await logInWithLink(ctx, { token: request.params.token, ip: request.ip });
        return signIn(ctx, request, reply, user);
      },
    );
  };
}
