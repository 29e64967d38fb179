import { type PublicJwk, signingKeysFor } from '../../adapters/signing-keys';
import type { AppContext } from '../context';

/** The operator's public ticket-signing keys (JWKS), newest last: what inspectors verify against. */
export async function publicKeys(ctx: AppContext): Promise<{ keys: PublicJwk[] }> {
  const keys = await signingKeysFor(ctx.config);
  return keys.jwks;
}
