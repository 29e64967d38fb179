import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestPasswordReset } from '../../app/auth/request-password-reset';
import { resetPassword } from '../../app/auth/reset-password';
import type { AppContext } from '../../app/context';
import { signIn, signInResponse } from '../auth/sign-in';
import { text } from '../schemas';

/** "Forgot password" by email link (valid one hour, single use). */
export function passwordResetRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/auth/password-reset',
      {
        schema: {
          tags: ['auth'],
          summary: 'Email a password-reset link; always 202, whether the address is known or not',
          body: z.object({ email: text.email() }),
        },
      },
      async (request, reply) => {
        await requestPasswordReset(ctx, { email: request.body.email, ip: request.ip });
        return reply.status(202).send({ ok: true });
      },
    );

    app.post(
      '/api/auth/password-reset/:token',
      {
        schema: {
          tags: ['auth'],
          summary: 'Set a new password with the emailed link; other sessions end, this one logs in',
          params: z.object({ token: text.opaque({ max: 200 }) }),
          body: z.object({ password: text.secret({ max: 1000 }) }),
          response: { 200: signInResponse },
        },
      },
      async (request, reply) => {
        const user = await resetPassword(ctx, {
          token: request.params.token,
          ...request.body,
          ip: request.ip,
        });
        return signIn(ctx, request, reply, user);
      },
    );
  };
}
