import { AppError } from '../../domain/errors';
import type { AppContext } from '../context';
import { releaseSlots, takeSlots } from '../rate-limit';

/** Wrong or dead emailed links (invitation, reset, sign-in) allowed per client address. */
export const TOKEN_FAILURES_PER_ADDRESS = { limit: 20, windowMs: 15 * 60_000 };

/**
 * Runs one use of an emailed link under a per-address limit that holds under parallel requests:
 * a slot is taken first (429 when none is free); `attempt` returns null when the token is unknown,
 * used or expired, which keeps the slot as a failure and answers INVITATION_INVALID; a found
 * token (or any other error, e.g. a too-short password) gives the slot back.
 */
export async function guardTokenAttempt<T>(
  ctx: AppContext,
  input: { ip: string; purpose: string },
  attempt: () => Promise<T | null>,
): Promise<T> {
  const now = ctx.clock.now();
  const rule = { key: `auth-token:ip:${input.ip}`, ...TOKEN_FAILURES_PER_ADDRESS };
  const taken = await takeSlots(ctx.db, [rule], now);
  if (!taken.ok) {
    throw new AppError('TOO_MANY_REQUESTS', {
      params: { retryAfterSeconds: taken.retryAfterSeconds },
      details: { retryAfterSeconds: taken.retryAfterSeconds },
    });
  }
  let result: T | null;
  try {
    result = await attempt();
  } catch (error) {
    await releaseSlots(ctx.db, taken.ids);
    throw error;
  }
  if (result === null) throw new AppError('INVITATION_INVALID', { details: { purpose: input.purpose } });
  await releaseSlots(ctx.db, taken.ids);
  return result;
}
