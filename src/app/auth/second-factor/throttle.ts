import { AppError } from '../../../domain/errors';
import type { AppContext } from '../../context';
import { releaseSlots, takeSlots } from '../../rate-limit';

const WINDOW_MS = 15 * 60_000;
/** Wrong second-factor codes checked per account per 15 minutes (10⁶ codes: a guess in 200,000 windows). */
export const SECOND_FACTOR_FAILURES = { limit: 5, windowMs: WINDOW_MS };
/** And per client address, whatever the accounts. */
export const SECOND_FACTOR_ADDRESS_FAILURES = { limit: 30, windowMs: WINDOW_MS };

/**
 * Checks a second-factor code (TOTP or recovery) with the same race-free throttle as passwords: a
 * slot per account and per address is taken in the database before the check; a right code gives
 * it back, a wrong one keeps it. Past the limit: 429 without a check. A wrong code is 400
 * SECOND_FACTOR_INVALID naming `path`.
 */
export async function checkSecondFactorThrottled(
  ctx: AppContext,
  input: { userId: string; ip: string; path: string; check: () => Promise<boolean> },
): Promise<void> {
  const now = ctx.clock.now();
  const taken = await takeSlots(
    ctx.db,
    [
      { key: `second-factor:user:${input.userId}`, ...SECOND_FACTOR_FAILURES },
      { key: `second-factor:ip:${input.ip}`, ...SECOND_FACTOR_ADDRESS_FAILURES },
    ],
    now,
  );
  if (!taken.ok) {
    throw new AppError('TOO_MANY_REQUESTS', {
      params: { retryAfterSeconds: taken.retryAfterSeconds },
      details: { retryAfterSeconds: taken.retryAfterSeconds },
    });
  }
  if (await input.check()) {
    await releaseSlots(ctx.db, taken.ids);
    return;
  }
  throw new AppError('SECOND_FACTOR_INVALID', {
    details: [{ path: input.path, problem: 'second_factor_invalid' }],
  });
}
