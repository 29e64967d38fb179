import { passkeyCreationOptions, passkeyRequestOptions, relyingParty } from '../../../adapters/webauthn';
import { findUserById } from '../../../db/repositories/admins';
import { insertChallenge, listPasskeys } from '../../../db/repositories/passkeys';
import { AppError } from '../../../domain/errors';
import type { AppContext } from '../../context';

const CHALLENGE_MS = 5 * 60_000;

/** Options for the browser to create a passkey for the signed-in person; the challenge is kept for 5 minutes, once. */
export async function passkeyRegistrationOptions(ctx: AppContext, input: { userId: string }) {
  const user = await findUserById(ctx.db, input.userId);
  if (!user || user.disabledAt) throw new AppError('UNAUTHENTICATED');
  const existing = await listPasskeys(ctx.db, user.id);
  const options = await passkeyCreationOptions(relyingParty(ctx.config.publicUrl), user, existing);
  await insertChallenge(ctx.db, {
    challenge: options.challenge,
    purpose: 'register',
    userId: user.id,
    expiresAt: new Date(ctx.clock.now().getTime() + CHALLENGE_MS),
  });
  return options;
}

/**
 * Options for the browser to use a passkey: with `userId` (a sign-in waiting for its second step)
 * only that person's passkeys; without, any passkey the device holds for us (the login alone).
 */
export async function passkeyAuthenticationOptions(ctx: AppContext, input: { userId: string | null }) {
  const allowed = input.userId ? await listPasskeys(ctx.db, input.userId) : [];
  const options = await passkeyRequestOptions(relyingParty(ctx.config.publicUrl), allowed);
  await insertChallenge(ctx.db, {
    challenge: options.challenge,
    purpose: 'authenticate',
    userId: input.userId,
    expiresAt: new Date(ctx.clock.now().getTime() + CHALLENGE_MS),
  });
  return options;
}
