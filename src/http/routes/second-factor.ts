import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicUser } from '../../app/auth/log-in';
import { beginTotpEnrolment } from '../../app/auth/second-factor/begin-totp-enrolment';
import { confirmTotpEnrolment } from '../../app/auth/second-factor/confirm-totp-enrolment';
import { secondFactorStatus } from '../../app/auth/second-factor/second-factor-status';
import {
  getSecondFactorPolicy,
  updateSecondFactorPolicy,
} from '../../app/auth/second-factor/update-security-settings';
import { verifySecondFactor } from '../../app/auth/second-factor/verify-second-factor';
import type { AppContext } from '../../app/context';
import { findUserById } from '../../db/repositories/admins';
import { AppError } from '../../domain/errors';
import { requireOperator, requirePendingUser, requireUserOrEnrolling, startSession } from '../auth/sessions';
import { patchBody, text } from '../schemas';
import { userSchema } from './user-schema';

const policySchema = z.object({
  requireSecondFactorStaff: z.boolean().describe('All operator staff must use a second factor'),
  requireSecondFactorAdmins: z.boolean().describe('All company admins must use a second factor'),
});

/**
 * Second factors (issue 12 item 6): a TOTP app with recovery codes for operator staff and
 * company admins; the second step of a sign-in; the operator's rule requiring one.
 */
export function secondFactorRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/auth/second-factor',
      {
        schema: {
          tags: ['auth'],
          summary:
            'Your second factor: whether the authenticator app is on, recovery codes left, whether required',
          response: {
            200: z.object({
              totpEnabled: z.boolean(),
              passkeys: z.number(),
              recoveryCodesLeft: z.number(),
              required: z.boolean(),
            }),
          },
        },
      },
      async (request) => secondFactorStatus(ctx, { userId: requireUserOrEnrolling(request).userId }),
    );

    app.post(
      '/api/auth/second-factor/totp/setup',
      {
        schema: {
          tags: ['auth'],
          summary: 'Start adding an authenticator app: a new secret as text, otpauth URI and SVG QR code',
          response: { 200: z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() }) },
        },
      },
      async (request) => beginTotpEnrolment(ctx, { userId: requireUserOrEnrolling(request).userId }),
    );

    app.post(
      '/api/auth/second-factor/totp/confirm',
      {
        schema: {
          tags: ['auth'],
          summary:
            'Confirm the authenticator app with a code; returns ten recovery codes, shown only this once',
          body: z.object({ code: text.opaque({ max: 12 }) }),
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
        const { recoveryCodes } = await confirmTotpEnrolment(ctx, {
          userId,
          code: request.body.code.replace(/\s/g, ''),
          ip: request.ip,
        });
        if (!enrolling) return { recoveryCodes };
        const user = await findUserById(ctx.db, userId);
        if (!user) throw new AppError('UNAUTHENTICATED');
        const { csrfToken } = await startSession(ctx, request, reply, { kind: 'user', userId });
        return { recoveryCodes, user: publicUser(user), csrfToken };
      },
    );

    app.post(
      '/api/auth/second-factor/verify',
      {
        schema: {
          tags: ['auth'],
          summary: 'The second step of a sign-in: a code from the app, or a recovery code (each works once)',
          body: z.union([
            z.object({ code: text.opaque({ max: 12 }) }).strict(),
            z.object({ recoveryCode: text.opaque({ max: 40 }) }).strict(),
          ]),
          response: { 200: z.object({ user: userSchema, csrfToken: z.string() }) },
        },
      },
      async (request, reply) => {
        const userId = requirePendingUser(request, 'second_factor');
        const body = request.body;
        const user = await verifySecondFactor(
          ctx,
          'code' in body
            ? { userId, ip: request.ip, code: body.code.replace(/\s/g, '') }
            : { userId, ip: request.ip, recoveryCode: body.recoveryCode },
        );
        const { csrfToken } = await startSession(ctx, request, reply, { kind: 'user', userId: user.id });
        return { user: publicUser(user), csrfToken };
      },
    );

    app.get(
      '/api/operator/security-settings',
      {
        schema: {
          tags: ['operator'],
          summary: 'Whether a second factor is required for all staff and for all company admins',
          response: { 200: policySchema },
        },
      },
      async (request) => {
        requireOperator(request);
        return getSecondFactorPolicy(ctx);
      },
    );

    app.patch(
      '/api/operator/security-settings',
      {
        schema: {
          tags: ['operator'],
          summary:
            'Require a second factor for all staff and/or all company admins (from their next sign-in)',
          body: patchBody(policySchema.partial()),
          response: { 200: policySchema },
        },
      },
      async (request) => {
        const actor = requireOperator(request, { write: true });
        return updateSecondFactorPolicy(ctx, { actor, changes: request.body });
      },
    );
  };
}
