import { sealer } from '../../../adapters/sealed';
import type { AppContext } from '../../context';

/** TOTP secrets are sealed at rest with a key of their own (HKDF of SESSION_SECRET, purpose `totp`). */
export function totpSealer(ctx: AppContext) {
  return sealer(ctx.config.SESSION_SECRET, 'totp');
}

/** The name authenticator apps show beside the person's email. */
export const TOTP_ISSUER = 'Bedriftsbillett';
