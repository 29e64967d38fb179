import { randomToken, sha256 } from '../../adapters/tokens';
import type { Tx } from '../../db/engine';
import {
  expireAuthTokens,
  findUserByEmail,
  insertAuthToken,
  type UserRow,
} from '../../db/repositories/admins';
import type { AppContext } from '../context';
import { queueMessage } from '../messages';
import { assertWithinLimit, recordEvent } from '../rate-limit';

/** A sign-in link lives 15 minutes and works once. */
export const LOGIN_LINK_TTL_MS = 15 * 60_000;
const PER_EMAIL = { limit: 5, windowMs: 60 * 60_000 };
const PER_IP = { limit: 30, windowMs: 60 * 60_000 };

/**
 * "Email me a sign-in link": a one-time link that logs the owner in without the password, so a
 * password lockout by someone else never keeps them out. Sent only to an active user with a
 * password (an invited one uses the invitation); the caller always answers 202, so the response
 * never tells whether the address is known. Per address the limit is silent for the same reason.
 */
export async function requestLoginLink(ctx: AppContext, input: { email: string; ip: string }) {
  const email = input.email.trim().toLowerCase();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await assertWithinLimit(tx, { key: `login-link:ip:${input.ip}`, ...PER_IP }, now);
    await recordEvent(tx, `login-link:ip:${input.ip}`, now);
    const user = await findUserByEmail(tx, email);
    if (!user || user.disabledAt || !user.passwordHash) return;
    const emailKey = `login-link:email:${email}`;
    try {
      await assertWithinLimit(tx, { key: emailKey, ...PER_EMAIL }, now);
    } catch {
      return;
    }
    await recordEvent(tx, emailKey, now);
    await issueLoginLink(tx, ctx, { user, now });
  });
}

/** The page a user of that role signs in from. */
export function loginLinkUrl(ctx: AppContext, role: UserRow['role'], token: string): string {
  return `${ctx.config.publicUrl}/${role === 'operator' ? 'operator' : 'bedrift'}/innloggingslenke/${token}`;
}

/** Makes a new sign-in link for the user (older unused ones die) and emails it as a secret. */
export async function issueLoginLink(
  tx: Tx,
  ctx: AppContext,
  input: { user: UserRow; now: Date; idempotencyKey?: string },
): Promise<void> {
  const { user, now } = input;
  const token = randomToken();
  const tokenHash = sha256(token);
  await expireAuthTokens(tx, user.id, 'login_link', now);
  await insertAuthToken(tx, {
    userId: user.id,
    purpose: 'login_link',
    tokenHash,
    expiresAt: new Date(now.getTime() + LOGIN_LINK_TTL_MS),
    now,
  });
  const url = loginLinkUrl(ctx, user.role, token);
  await queueMessage(tx, ctx, {
    channel: 'email',
    to: user.email.toLowerCase(),
    subject: 'Innloggingslenke til Bedriftsbillett',
    body: [
      'Åpne lenken innen 15 minutter for å logge inn. Den virker én gang:',
      url,
      '',
      'Har du ikke bedt om dette, kan du se bort fra e-posten.',
      '',
      `(English: open this link within 15 minutes to sign in; it works once: ${url} — ignore this email if you did not ask for it.)`,
    ].join('\n'),
    idempotencyKey: input.idempotencyKey ?? `login-link:${tokenHash}`,
    companyId: user.companyId,
    kind: 'login_link',
    secrets: [token],
    ownerId: user.id,
  });
}
