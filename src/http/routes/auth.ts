import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePassword } from '../../app/auth/change-password';
import { logIn, publicUser } from '../../app/auth/log-in';
import { updateMyPreferences } from '../../app/auth/update-my-preferences';
import type { AppContext } from '../../app/context';
import { users } from '../../db/schema';
import { AppError } from '../../domain/errors';
import { csrfTokenFor, endSession, startSession } from '../auth/sessions';
import { signIn, signInResponse } from '../auth/sign-in';
import { text } from '../schemas';
import { userSchema } from './user-schema';

export { userSchema };

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/auth/csrf',
      { schema: { tags: ['auth'], response: { 200: z.object({ token: z.string() }) } } },
      async (request, reply) => ({
        token: csrfTokenFor(ctx, request, reply),
      }),
    );

    app.post(
      '/api/auth/login',
      {
        schema: {
          tags: ['auth'],
          body: z.object({ email: text.singleLine({ max: 320 }), password: text.secret({ max: 1000 }) }),
          summary:
            'Sign in with email and password; with a second factor the session waits for it (`secondFactor`)',
          response: { 200: signInResponse },
        },
      },
      async (request, reply) => {
        const user = await logIn(ctx, { ...request.body, ip: request.ip });
        return signIn(ctx, request, reply, user);
      },
    );

    app.post(
      '/api/auth/password',
      {
        schema: {
          tags: ['auth'],
          summary: 'Change your own password; every other session of yours ends',
          body: z.object({
            currentPassword: text.secret({ max: 1000 }),
            newPassword: text.secret({ max: 1000 }),
          }),
        },
      },
      async (request, reply) => {
        const session = request.session;
        if (!session?.user) throw new AppError('UNAUTHENTICATED');
        await changePassword(ctx, {
          userId: session.user.id,
          sessionId: session.id,
          currentPassword: request.body.currentPassword,
          newPassword: request.body.newPassword,
          ip: request.ip,
        });
        return reply.status(204).send();
      },
    );

    app.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
      await endSession(ctx, request, reply);
      return reply.status(204).send();
    });

    app.get(
      '/api/auth/me',
      { schema: { tags: ['auth'], response: { 200: z.object({ user: userSchema }) } } },
      async (request) => {
        const sessionUser = request.session?.user;
        if (!sessionUser) throw new AppError('UNAUTHENTICATED');
        const [user] = await ctx.db.select().from(users).where(eq(users.id, sessionUser.id));
        if (!user) throw new AppError('UNAUTHENTICATED');
        return { user: publicUser(user) };
      },
    );

    app.put(
      '/api/auth/me/preferences',
      {
        schema: {
          tags: ['auth'],
          summary: "The signed-in user's message language and (company admins) new-order notice",
          body: z.object({
            language: z.enum(['nb', 'en']).optional(),
            newOrderNotice: z.enum(['immediate', 'digest', 'none']).optional(),
          }),
          response: { 200: z.object({ user: userSchema }) },
        },
      },
      async (request) => {
        const sessionUser = request.session?.user;
        if (!sessionUser) throw new AppError('UNAUTHENTICATED');
        const user = await updateMyPreferences(ctx, { userId: sessionUser.id, ...request.body });
        return { user: publicUser(user) };
      },
    );
  };
}
