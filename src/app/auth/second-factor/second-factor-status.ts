import { findUserById } from '../../../db/repositories/admins';
import { countPasskeys } from '../../../db/repositories/passkeys';
import { countUnusedRecoveryCodes, getSecuritySettings } from '../../../db/repositories/second-factor';
import { AppError } from '../../../domain/errors';
import { secondFactorStep } from '../../../domain/second-factor';
import type { AppContext } from '../../context';

/** The signed-in person's second factors: the authenticator app, passkeys, recovery codes left, and whether one is required. */
export async function secondFactorStatus(ctx: AppContext, input: { userId: string }) {
  const user = await findUserById(ctx.db, input.userId);
  if (!user || user.disabledAt) throw new AppError('UNAUTHENTICATED');
  const policy = await getSecuritySettings(ctx.db);
  return {
    totpEnabled: user.totpEnabledAt !== null,
    passkeys: await countPasskeys(ctx.db, user.id),
    recoveryCodesLeft: await countUnusedRecoveryCodes(ctx.db, user.id),
    required: secondFactorStep({ role: user.role, hasSecondFactor: false }, policy) === 'enrol_second_factor',
  };
}

/**
 * What a user who has just passed the password or an emailed link must still do (null: nothing).
 * An authenticator app or a passkey is a second factor.
 */
export async function signInStep(
  ctx: AppContext,
  user: { id: string; role: 'operator' | 'company_admin'; totpEnabledAt: Date | null },
) {
  const policy = await getSecuritySettings(ctx.db);
  const hasSecondFactor = user.totpEnabledAt !== null || (await countPasskeys(ctx.db, user.id)) > 0;
  return secondFactorStep({ role: user.role, hasSecondFactor }, policy);
}
