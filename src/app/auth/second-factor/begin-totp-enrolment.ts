import { newTotpSecret, totpQrSvg, totpUri } from '../../../adapters/totp';
import { findUserById } from '../../../db/repositories/admins';
import { setPendingTotpSecret } from '../../../db/repositories/second-factor';
import { AppError } from '../../../domain/errors';
import type { AppContext } from '../../context';
import { TOTP_ISSUER, totpSealer } from './totp-secrets';

/**
 * Starts adding a TOTP second factor: a new secret is stored sealed (not yet in force) and
 * returned once as text, as an `otpauth://` URI and as an SVG QR code for the authenticator app.
 * Starting again replaces an unconfirmed secret; a confirmed one cannot be replaced (409).
 */
export async function beginTotpEnrolment(ctx: AppContext, input: { userId: string }) {
  const user = await findUserById(ctx.db, input.userId);
  if (!user || user.disabledAt) throw new AppError('UNAUTHENTICATED');
  if (user.totpEnabledAt) throw new AppError('SECOND_FACTOR_ALREADY_ENABLED');
  const secret = newTotpSecret();
  if (!(await setPendingTotpSecret(ctx.db, user.id, totpSealer(ctx).seal(secret)))) {
    throw new AppError('SECOND_FACTOR_ALREADY_ENABLED');
  }
  const uri = totpUri({ secret, email: user.email, issuer: TOTP_ISSUER });
  return { secret, uri, qrSvg: await totpQrSvg(uri) };
}
