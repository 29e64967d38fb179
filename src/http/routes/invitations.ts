import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptInvitation } from '../../app/auth/accept-invitation';
import { resendInvitation } from '../../app/auth/resend-invitation';
import type { AppContext } from '../../app/context';
import { requireOperator } from '../auth/sessions';
import { signIn, signInResponse } from '../auth/sign-in';
import { text } from '../schemas';

const tokenParams = z.object({ token: text.opaque({ max: 200 }) });
const passwordBody = z.object({ password: text.secret({ max: 1000 }) });

/** Invitations: the invited admin sets a password and is logged in; the operator can resend. */
export function invitationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/auth/invitations/:token/accept',
      {
        schema: {
          tags: ['auth'],
          summary: 'Accept an invitation: set a password (12–128 characters, zxcvbn score ≥ 3) and log in',
          params: tokenParams,
          body: passwordBody,
          response: { 200: signInResponse },
        },
      },
      async (request, reply) => {
        const user = await acceptInvitation(ctx, {
          token: request.params.token,
          ...request.body,
          ip: request.ip,
        });
        return signIn(ctx, request, reply, user);
      },
    );

    app.post(
      '/api/operator/companies/:id/resend-invitation',
      {
        schema: {
          tags: ['operator'],
          summary: "Send the company's contact person (or the admin named) a new invitation link",
          params: z.object({ id: z.uuid() }),
          body: z.object({ userId: z.uuid().optional() }).default({}),
          response: { 200: z.object({ userId: z.string(), email: z.string() }) },
        },
      },
      async (request) => {
        const actor = requireOperator(request, { write: true });
        return resendInvitation(ctx, { actor, companyId: request.params.id, userId: request.body.userId });
      },
    );
  };
}
