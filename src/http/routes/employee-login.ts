import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { startSession } from '../auth/sessions';
import { text } from '../schemas';

/**
 * The employee's SMS-code login, as both links offer it (the order link `/api/order/{token}/otp…`
 * and the consent link `/api/consent/{token}/otp…`): the same bodies, answers and session start,
 * so the two routes cannot drift apart. The use cases (request-login-code, verify-login-code) tell
 * the links apart.
 */
export const languageField = z.enum(['nb', 'en']).optional().describe("The web app's language (nb|en)");

/** POST …/otp: the mobile number to send a code to. */
export const loginCodeRequestBody = z.object({
  phone: text.singleLine({ max: 40 }),
  language: languageField,
});
/** 202 to POST …/otp: when the code expires and when another may be asked for. */
export const loginCodeSentSchema = z.object({ expiresAt: z.string(), resendAfterSeconds: z.number() });
/** POST …/otp/verify: the number and the code it got. */
export const loginCodeVerifyBody = z.object({
  phone: text.singleLine({ max: 40 }),
  code: text.singleLine({ max: 20 }),
  language: languageField,
});
/** 200 to POST …/otp/verify: who is signed in, and the session's CSRF token. */
export const employeeSignedInSchema = z.object({
  phone: z.string(),
  company: z.object({ id: z.string(), name: z.string() }),
  csrfToken: z.string(),
});

/** Answers 202 with the code's expiry (ISO time) and the resend wait (seconds). */
export function replyCodeSent(reply: FastifyReply, sent: { expiresAt: Date; resendAfterSeconds: number }) {
  return reply
    .status(202)
    .send({ expiresAt: sent.expiresAt.toISOString(), resendAfterSeconds: sent.resendAfterSeconds });
}

/** Starts the employee's session after a good code and answers who is signed in. */
export async function signInEmployee(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  who: { companyId: string; companyName: string; phone: string },
) {
  const { csrfToken } = await startSession(ctx, request, reply, {
    kind: 'employee',
    companyId: who.companyId,
    phone: who.phone,
  });
  return { phone: who.phone, company: { id: who.companyId, name: who.companyName }, csrfToken };
}
