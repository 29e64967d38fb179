import { sha256 } from '../../../adapters/tokens';
import { newRecoveryCodes } from '../../../adapters/totp';
import {
  challengeOf,
  type RegistrationResponseJSON,
  relyingParty,
  verifyNewPasskey,
} from '../../../adapters/webauthn';
import { findUserById } from '../../../db/repositories/admins';
import {
  consumeChallenge,
  countPasskeys,
  findPasskey,
  insertPasskey,
} from '../../../db/repositories/passkeys';
import { countUnusedRecoveryCodes, replaceRecoveryCodes } from '../../../db/repositories/second-factor';
import { AppError } from '../../../domain/errors';
import { recordAudit } from '../../audit';
import type { AppContext } from '../../context';
import { actorOf } from '../accept-invitation';

/**
 * Adds the passkey the browser created: the answer must carry a live challenge we issued to this
 * person (used once), our origin and RP id, and user verification. When it is the person's first
 * second factor, ten recovery codes are made and returned (shown once, stored hashed).
 */
export async function addPasskey(
  ctx: AppContext,
  input: { userId: string; response: RegistrationResponseJSON },
) {
  const user = await findUserById(ctx.db, input.userId);
  if (!user || user.disabledAt) throw new AppError('UNAUTHENTICATED');
  const now = ctx.clock.now();
  const challenge = challengeOf(input.response);
  const issued = challenge ? await consumeChallenge(ctx.db, challenge, 'register', now) : null;
  if (!challenge || !issued || issued.userId !== user.id) throw passkeyInvalid();
  const credential = await verifyNewPasskey(relyingParty(ctx.config.publicUrl), input.response, challenge);
  if (!credential || (await findPasskey(ctx.db, credential.credentialId))) throw passkeyInvalid();
  return ctx.db.transaction(async (tx) => {
    const first = user.totpEnabledAt === null && (await countPasskeys(tx, user.id)) === 0;
    const recoveryCodes =
      first || (await countUnusedRecoveryCodes(tx, user.id)) === 0 ? newRecoveryCodes() : [];
    const passkey = await insertPasskey(tx, { userId: user.id, ...credential, now });
    if (recoveryCodes.length > 0) await replaceRecoveryCodes(tx, user.id, recoveryCodes.map(sha256), now);
    await recordAudit(tx, actorOf(user), now, {
      companyId: user.companyId,
      action: 'user.passkey_added',
      entityType: 'user',
      entityId: user.id,
      after: { passkeyId: passkey.id, recoveryCodes: recoveryCodes.length },
    });
    return { passkeyId: passkey.id, recoveryCodes };
  });
}

export function passkeyInvalid() {
  return new AppError('PASSKEY_INVALID', {
    details: [{ path: 'body.response', problem: 'passkey_invalid' }],
  });
}
