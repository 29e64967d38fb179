import { sha256 } from '../../../adapters/tokens';
import { normaliseRecoveryCode, verifyTotp } from '../../../adapters/totp';
import { findUserById, type UserRow } from '../../../db/repositories/admins';
import {
  acceptTotpStep,
  consumeRecoveryCode,
  countUnusedRecoveryCodes,
} from '../../../db/repositories/second-factor';
import { AppError } from '../../../domain/errors';
import { recordAudit } from '../../audit';
import type { AppContext } from '../../context';
import { actorOf } from '../accept-invitation';
import { checkSecondFactorThrottled } from './throttle';
import { totpSealer } from './totp-secrets';

/**
 * The second step of a sign-in: a code from the authenticator app (each time step accepted once)
 * or one of the recovery codes (each works once; its use is audited with the number left).
 * Throttled per account and address before any check. Returns the user, whom the route signs in.
 */
export async function verifySecondFactor(
  ctx: AppContext,
  input: { userId: string; ip: string } & ({ code: string } | { recoveryCode: string }),
): Promise<UserRow> {
  const user = await findUserById(ctx.db, input.userId);
  if (!user || user.disabledAt) throw new AppError('UNAUTHENTICATED');
  const now = ctx.clock.now();
  if ('code' in input) {
    const secret = user.totpSecret && user.totpEnabledAt ? totpSealer(ctx).open(user.totpSecret) : null;
    await checkSecondFactorThrottled(ctx, {
      userId: user.id,
      ip: input.ip,
      path: 'body.code',
      check: async () => {
        if (!secret) return false;
        const step = await verifyTotp({
          secret,
          code: input.code,
          now,
          afterTimeStep: user.totpLastTimeStep,
        });
        return step !== null && (await acceptTotpStep(ctx.db, user.id, step));
      },
    });
    return user;
  }
  const codeHash = sha256(normaliseRecoveryCode(input.recoveryCode));
  await checkSecondFactorThrottled(ctx, {
    userId: user.id,
    ip: input.ip,
    path: 'body.recoveryCode',
    check: () =>
      ctx.db.transaction(async (tx) => {
        if (!(await consumeRecoveryCode(tx, user.id, codeHash, now))) return false;
        await recordAudit(tx, actorOf(user), now, {
          companyId: user.companyId,
          action: 'user.recovery_code_used',
          entityType: 'user',
          entityId: user.id,
          after: { recoveryCodesLeft: await countUnusedRecoveryCodes(tx, user.id) },
        });
        return true;
      }),
  });
  return user;
}
