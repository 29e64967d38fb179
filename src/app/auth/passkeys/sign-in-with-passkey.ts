import {
  type AuthenticationResponseJSON,
  challengeOf,
  relyingParty,
  verifyPasskeyUse,
} from '../../../adapters/webauthn';
import { findUserById, type UserRow } from '../../../db/repositories/admins';
import { consumeChallenge, findPasskey, recordPasskeyUse } from '../../../db/repositories/passkeys';
import { AppError } from '../../../domain/errors';
import { recordAudit } from '../../audit';
import type { AppContext } from '../../context';
import { releaseSlots, takeSlots } from '../../rate-limit';
import { actorOf } from '../accept-invitation';
import { passkeyInvalid } from './add-passkey';

/** Failed passkey uses per client address per 15 minutes before 429. */
export const PASSKEY_FAILURES_PER_ADDRESS = { limit: 20, windowMs: 15 * 60_000 };

/**
 * Uses a passkey: as the whole login (`pendingUserId` null: whoever the passkey belongs to), or as
 * the second step of a waiting sign-in (it must be that person's). The challenge must be ours,
 * live, for this purpose and used once; the signature, origin, RP id and user verification are
 * checked; failures count per address (429 past the limit). Returns the user to sign in.
 */
export async function signInWithPasskey(
  ctx: AppContext,
  input: { response: AuthenticationResponseJSON; pendingUserId: string | null; ip: string },
): Promise<UserRow> {
  const now = ctx.clock.now();
  const rule = { key: `passkey:ip:${input.ip}`, ...PASSKEY_FAILURES_PER_ADDRESS };
  const taken = await takeSlots(ctx.db, [rule], now);
  if (!taken.ok) {
    throw new AppError('TOO_MANY_REQUESTS', {
      params: { retryAfterSeconds: taken.retryAfterSeconds },
      details: { retryAfterSeconds: taken.retryAfterSeconds },
    });
  }
  const user = await check(ctx, input, now);
  if (!user) throw passkeyInvalid();
  await releaseSlots(ctx.db, taken.ids);
  return user;
}

async function check(
  ctx: AppContext,
  input: { response: AuthenticationResponseJSON; pendingUserId: string | null },
  now: Date,
): Promise<UserRow | null> {
  const challenge = challengeOf(input.response);
  const issued = challenge ? await consumeChallenge(ctx.db, challenge, 'authenticate', now) : null;
  if (!challenge || !issued || issued.userId !== input.pendingUserId) return null;
  const passkey = await findPasskey(ctx.db, input.response.id);
  if (!passkey || (input.pendingUserId && passkey.userId !== input.pendingUserId)) return null;
  const user = await findUserById(ctx.db, passkey.userId);
  if (!user || user.disabledAt) return null;
  const counter = await verifyPasskeyUse(
    relyingParty(ctx.config.publicUrl),
    input.response,
    challenge,
    passkey,
  );
  if (counter === null) return null;
  await ctx.db.transaction(async (tx) => {
    await recordPasskeyUse(tx, passkey.id, counter, now);
    await recordAudit(tx, actorOf(user), now, {
      companyId: user.companyId,
      action: input.pendingUserId ? 'user.passkey_second_factor' : 'user.passkey_login',
      entityType: 'user',
      entityId: user.id,
      after: { passkeyId: passkey.id },
    });
  });
  return user;
}
