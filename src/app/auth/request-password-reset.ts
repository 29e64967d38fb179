import { randomToken, sha256 } from '../../adapters/tokens';
import type { Tx } from '../../db/engine';
import { expireAuthTokens, findUserByEmail, insertAuthToken } from '../../db/repositories/admins';
import type { AppContext } from '../context';
import { queueMessage } from '../messages';
import { assertWithinLimit, recordEvent } from '../rate-limit';

/** A password-reset link is valid for one hour. */
export const PASSWORD_RESET_TTL_MS = 60 * 60_000;
const PER_EMAIL = { limit: 5, windowMs: 60 * 60_000 };
const PER_IP = { limit: 30, windowMs: 60 * 60_000 };

/**
 * "Forgot password": emails a reset link when the address belongs to an active user. The caller
 * always answers 202, so the response never tells whether the address is known.
 */
export async function requestPasswordReset(ctx: AppContext, input: { email: string; ip: string }) {
  const email = input.email.trim().toLowerCase();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await assertWithinLimit(tx, { key: `reset:ip:${input.ip}`, ...PER_IP }, now);
    await recordEvent(tx, `reset:ip:${input.ip}`, now);
    const emailKey = `reset:email:${email}`;
    const user = await findUserByEmail(tx, email);
    if (!user || user.disabledAt) return;
    try {
      await assertWithinLimit(tx, { key: emailKey, ...PER_EMAIL }, now);
    } catch {
      return; // Silently: a 429 here would reveal that the address is known.
    }
    await recordEvent(tx, emailKey, now);
    await issuePasswordReset(tx, ctx, { user, now });
  });
}

/**
 * Makes a new reset link for the user (older unused ones die) and emails it, the token being the
 * message's secret part. An operator's resend passes its own idempotency key.
 */
export async function issuePasswordReset(
  tx: Tx,
  ctx: AppContext,
  input: {
    user: { id: string; email: string; companyId: string | null };
    now: Date;
    idempotencyKey?: string;
  },
): Promise<void> {
  const { user, now } = input;
  const token = randomToken();
  const tokenHash = sha256(token);
  await expireAuthTokens(tx, user.id, 'password_reset', now);
  await insertAuthToken(tx, {
    userId: user.id,
    purpose: 'password_reset',
    tokenHash,
    expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
    now,
  });
  const url = `${ctx.config.publicUrl}/bedrift/nytt-passord/${token}`;
  await queueMessage(tx, ctx, {
    channel: 'email',
    to: user.email.toLowerCase(),
    subject: 'Nytt passord for bedriftsbillett',
    body: [
      'Noen (forhåpentligvis du) har bedt om å lage nytt passord.',
      'Åpne lenken innen én time for å velge et nytt passord:',
      url,
      '',
      'Har du ikke bedt om dette, kan du se bort fra e-posten.',
      '',
      'Someone asked to reset your password. Open the link within one hour; ignore this email if it was not you.',
    ].join('\n'),
    idempotencyKey: input.idempotencyKey ?? `password-reset:${tokenHash}`,
    companyId: user.companyId,
    kind: 'password_reset',
    secrets: [token],
    ownerId: user.id,
  });
}
