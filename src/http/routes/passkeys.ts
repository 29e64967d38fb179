import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '../../adapters/webauthn';
import { publicUser } from '../../app/auth/log-in';
import { addPasskey } from '../../app/auth/passkeys/add-passkey';
import {
  passkeyAuthenticationOptions,
  passkeyRegistrationOptions,
} from '../../app/auth/passkeys/passkey-options';
import { signInWithPasskey } from '../../app/auth/passkeys/sign-in-with-passkey';
import type { AppContext } from '../../app/context';
import { findUserById } from '../../db/repositories/admins';
import { AppError } from '../../domain/errors';
import { requireUserOrEnrolling, startSession } from '../auth/sessions';
import { text } from '../schemas';
import { userSchema } from './user-schema';

/** A base64url field of a WebAuthn answer. */
const b64 = (max: number) => text.opaque({ max, pattern: /^[A-Za-z0-9_-]*={0,2}$/ });
const transport = z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);
const attachment = z.enum(['platform', 'cross-platform']).optional();
/** The browser's extension results: passed on, never read. */
const extensions = z.object({ credProps: z.object({ rk: z.boolean().optional() }).optional() });

/** `startRegistration()`'s answer (WebAuthn RegistrationResponseJSON). */
const registrationAnswer = z.object({
  id: b64(1400),
  rawId: b64(1400),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: b64(4000),
    attestationObject: b64(20000),
    authenticatorData: b64(4000).optional(),
    transports: z.array(transport).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64(4000).optional(),
  }),
  authenticatorAttachment: attachment,
  clientExtensionResults: extensions,
});

/** `startAuthentication()`'s answer (WebAuthn AuthenticationResponseJSON). */
const authenticationAnswer = z.object({
  id: b64(1400),
  rawId: b64(1400),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: b64(4000),
    authenticatorData: b64(4000),
    // Room for every COSE algorithm an authenticator may use (RSA-4096: 683 characters; ML-DSA-65: 4 412).
    signature: b64(8000),
    userHandle: b64(200).optional(),
  }),
  authenticatorAttachment: attachment,
  clientExtensionResults: extensions,
});

const optionsResponse = z.object({
  options: z.record(z.string(), z.unknown()).describe('PublicKeyCredential{Creation,Request}OptionsJSON'),
});
/** WebAuthn options as the plain JSON object they are. */
const asJson = (options: object) => options as Record<string, unknown>;

/**
 * Passkeys (issue 12 item 6): operator staff and company admins add one (a second factor), and
 * use one as the second step of a sign-in or as the whole login.
 */
export function passkeyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/auth/passkeys/registration-options',
      {
        schema: {
          tags: ['auth'],
          summary: 'Options for the browser to create a passkey (challenge valid 5 minutes, once)',
          response: { 200: optionsResponse },
        },
      },
      async (request) => ({
        options: asJson(
          await passkeyRegistrationOptions(ctx, { userId: requireUserOrEnrolling(request).userId }),
        ),
      }),
    );

    app.post(
      '/api/auth/passkeys',
      {
        schema: {
          tags: ['auth'],
          summary: 'Add the passkey the browser created; recovery codes when it is your first second factor',
          body: z.object({ response: registrationAnswer }),
          response: {
            200: z.object({
              recoveryCodes: z.array(z.string()),
              user: userSchema
                .optional()
                .describe('Present when this finished a sign-in that required enrolment'),
              csrfToken: z.string().optional(),
            }),
          },
        },
      },
      async (request, reply) => {
        const { userId, enrolling } = requireUserOrEnrolling(request);
        const { recoveryCodes } = await addPasskey(ctx, {
          userId,
          response: request.body.response as RegistrationResponseJSON,
        });
        if (!enrolling) return { recoveryCodes };
        const user = await findUserById(ctx.db, userId);
        if (!user) throw new AppError('UNAUTHENTICATED');
        const { csrfToken } = await startSession(ctx, request, reply, { kind: 'user', userId });
        return { recoveryCodes, user: publicUser(user), csrfToken };
      },
    );

    app.post(
      '/api/auth/passkeys/authentication-options',
      {
        schema: {
          tags: ['auth'],
          summary:
            'Options for the browser to use a passkey: the waiting sign-in’s own passkeys, or any (login alone)',
          response: { 200: optionsResponse },
        },
      },
      async (request) => {
        const pending = request.session?.pending;
        const userId = pending?.step === 'second_factor' ? pending.userId : null;
        return { options: asJson(await passkeyAuthenticationOptions(ctx, { userId })) };
      },
    );

    app.post(
      '/api/auth/passkeys/authenticate',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign in with a passkey: the second step of a waiting sign-in, or the whole login',
          body: z.object({ response: authenticationAnswer }),
          response: { 200: z.object({ user: userSchema, csrfToken: z.string() }) },
        },
      },
      async (request, reply) => {
        const pending = request.session?.pending;
        const user = await signInWithPasskey(ctx, {
          response: request.body.response as AuthenticationResponseJSON,
          pendingUserId: pending?.step === 'second_factor' ? pending.userId : null,
          ip: request.ip,
        });
        const { csrfToken } = await startSession(ctx, request, reply, { kind: 'user', userId: user.id });
        return { user: publicUser(user), csrfToken };
      },
    );
  };
}
