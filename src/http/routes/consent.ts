import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { getConsentPage } from '../../app/employee/get-consent-page';
import { requestLoginCode } from '../../app/employee/request-login-code';
import { verifyLoginCode } from '../../app/employee/verify-login-code';
import { text } from '../schemas';
import {
  employeeSignedInSchema,
  loginCodeRequestBody,
  loginCodeSentSchema,
  loginCodeVerifyBody,
  replyCodeSent,
  signInEmployee,
} from './employee-login';

const params = z.object({ consentToken: text.opaque({ max: 200 }) });

/**
 * Issue 15 (b): the consent link the SMS carries (`/samtykke/{consentToken}`), with its own
 * SMS-code login, apart from the order link: it keeps working when the order link is rotated or
 * self-service is off. 404 CONSENT_LINK_INVALID for a link not ours; 410 CONSENT_COMPANY_INACTIVE
 * when the company is deactivated (nothing to agree to).
 */
export function consentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/consent/:consentToken',
      {
        schema: {
          tags: ['employee'],
          summary: "The consent link's page: the company and whether this browser is signed in to it",
          params,
          response: {
            200: z.object({ company: z.object({ name: z.string() }), signedInPhone: z.string().nullable() }),
          },
        },
      },
      async (request) =>
        getConsentPage(ctx, { consentToken: request.params.consentToken, viewer: request.session }),
    );

    app.post(
      '/api/consent/:consentToken/otp',
      {
        schema: {
          tags: ['employee'],
          summary:
            'Send a login code through the consent link (only to a number asked for consent; same answer either way)',
          params,
          body: loginCodeRequestBody,
          response: { 202: loginCodeSentSchema },
        },
      },
      async (request, reply) => {
        const sent = await requestLoginCode(ctx, {
          consentToken: request.params.consentToken,
          phone: request.body.phone,
          ip: request.ip,
          language: request.body.language,
        });
        return replyCodeSent(reply, sent);
      },
    );

    app.post(
      '/api/consent/:consentToken/otp/verify',
      {
        schema: {
          tags: ['employee'],
          summary: 'Check the login code sent through the consent link and start the employee session',
          params,
          body: loginCodeVerifyBody,
          response: { 200: employeeSignedInSchema },
        },
      },
      async (request, reply) => {
        const who = await verifyLoginCode(ctx, {
          consentToken: request.params.consentToken,
          ...request.body,
        });
        return signInEmployee(ctx, request, reply, who);
      },
    );
  };
}
