import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { publicUser } from '../../app/auth/log-in';
import { signInStep } from '../../app/auth/second-factor/second-factor-status';
import type { AppContext } from '../../app/context';
import type { UserRow } from '../../db/repositories/admins';
import { userSchema } from '../routes/user-schema';
import { startSession } from './sessions';

/** The answer of every way in (password, emailed link, invitation, reset): a user, or the step still due. */
export const signInResponse = z.object({
  user: userSchema.optional().describe('Present when the session is fully signed in'),
  secondFactor: z
    .enum(['second_factor', 'enrol_second_factor'])
    .optional()
    .describe(
      'Present when the session may only give a second factor, or only enrol one (the operator requires it)',
    ),
  csrfToken: z.string(),
});

/**
 * Starts the session of a user who has passed the first step. With a confirmed second factor, or
 * none where the operator requires one, the session is pending (it can do nothing else) and the
 * answer names the step; otherwise the user is signed in.
 */
export async function signIn(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, user: UserRow) {
  const step = await signInStep(ctx, user);
  const { csrfToken } = await startSession(ctx, request, reply, {
    kind: 'user',
    userId: user.id,
    pending: step,
  });
  return step ? { secondFactor: step, csrfToken } : { user: publicUser(user), csrfToken };
}
