import { sha256 } from '../../../adapters/tokens';
import { newRecoveryCodes, verifyTotp } from '../../../adapters/totp';
import { findUserById } from '../../../db/repositories/admins';
import { acceptTotpStep, replaceRecoveryCodes } from '../../../db/repositories/second-factor';
import { AppError } from '../../../domain/errors';
import { recordAudit } from '../../audit';
import type { AppContext } from '../../context';
import { actorOf } from '../accept-invitation';
import { checkSecondFactorThrottled } from './throttle';
import { totpSealer } from './totp-secrets';

/**
 * Confirms the TOTP secret with a code from the app: from then on every sign-in asks for a code.
 * Returns ten recovery codes, shown this once and stored only as SHA-256. Throttled like a
 * sign-in code; a wrong code is 400 naming `body.code`.
 */
export async function confirmTotpEnrolment(
  ctx: AppContext,
  input: { userId: string; code: string; ip: string },
) {
  const user = await findUserById(ctx.db, input.userId);
  if (!user || user.disabledAt) throw new AppError('UNAUTHENTICATED');
  if (user.totpEnabledAt) throw new AppError('SECOND_FACTOR_ALREADY_ENABLED');
  const secret = user.totpSecret ? totpSealer(ctx).open(user.totpSecret) : null;
  if (!secret) throw new AppError('SECOND_FACTOR_NOT_STARTED');
  const now = ctx.clock.now();
  let timeStep: number | null = null;
  await checkSecondFactorThrottled(ctx, {
    userId: user.id,
    ip: input.ip,
    path: 'body.code',
    check: async () => {
      timeStep = await verifyTotp({ secret, code: input.code, now });
      return timeStep !== null;
    },
  });
  const recoveryCodes = newRecoveryCodes();
  await ctx.db.transaction(async (tx) => {
    if (timeStep === null || !(await acceptTotpStep(tx, user.id, timeStep, { enableAt: now }))) {
      throw new AppError('SECOND_FACTOR_ALREADY_ENABLED');
    }
    await replaceRecoveryCodes(tx, user.id, recoveryCodes.map(sha256), now);
    await recordAudit(tx, actorOf(user), now, {
      companyId: user.companyId,
      action: 'user.second_factor_enabled',
      entityType: 'user',
      entityId: user.id,
      after: { method: 'totp', recoveryCodes: recoveryCodes.length },
    });
  });
  return { recoveryCodes };
}
