import { findUserById } from '../../../db/repositories/admins';
import { countUnusedRecoveryCodes, getSecuritySettings } from '../../../db/repositories/second-factor';
import { AppError } from '../../../domain/errors';
import { secondFactorStep } from '../../../domain/second-factor';
import type { AppContext } from '../../context';

/** The signed-in person's second factor: whether TOTP is on, recovery codes left, and whether it is required. */
export async function secondFactorStatus(ctx: AppContext, input: { userId: string }) {
  const user = await findUserById(ctx.db, input.userId);
  if (!user || user.disabledAt) throw new AppError('UNAUTHENTICATED');
  const policy = await getSecuritySettings(ctx.db);
  return {
    totpEnabled: user.totpEnabledAt !== null,
    recoveryCodesLeft: user.totpEnabledAt ? await countUnusedRecoveryCodes(ctx.db, user.id) : 0,
    required: secondFactorStep({ role: user.role, totpEnabled: false }, policy) === 'enrol_second_factor',
  };
}

/** What a user who has just passed the password or an emailed link must still do (null: nothing). */
export async function signInStep(
  ctx: AppContext,
  user: { role: 'operator' | 'company_admin'; totpEnabledAt: Date | null },
) {
  const policy = await getSecuritySettings(ctx.db);
  return secondFactorStep({ role: user.role, totpEnabled: user.totpEnabledAt !== null }, policy);
}
