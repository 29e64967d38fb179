import { and, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/engine';
import { findUserByEmail } from '../../db/repositories/admins';
import { rateLimitEvents } from '../../db/schema';
import { AppError } from '../../domain/errors';
import type { AppContext } from '../context';
import { queueMessage } from '../messages';
import { countEvents, type RateLimit, releaseSlots, takeSlots } from '../rate-limit';

const WINDOW_MS = 15 * 60_000;
/** At most 10 wrong passwords per account per 15 minutes are ever checked (ASVS 6.3.1). */
export const ACCOUNT_FAILURES = { limit: 10, windowMs: WINDOW_MS };
/** And at most 50 from one client address, whatever the accounts. */
export const ADDRESS_FAILURES = { limit: 50, windowMs: WINDOW_MS };

const accountKey = (email: string) => `login:email:${email}`;
const addressKey = (ip: string) => `login:ip:${ip}`;

/**
 * Checks a password with throttling that holds under any parallelism: a slot per account and per
 * client address is taken in the database BEFORE the password is checked (advisory lock + count
 * + insert in one transaction), so of any number of concurrent attempts only the free slots are
 * checked; the rest get 429 without a check. A right password gives its slots back; a wrong one
 * keeps them (they are the failures). A locked account answers 429 (reason account_locked) even to the right
 * password, and its owner gets one email per window: they can still sign in with an emailed link.
 */
export async function checkPasswordThrottled(
  ctx: AppContext,
  input: { email: string; ip: string; check: () => Promise<boolean> },
): Promise<boolean> {
  const email = input.email.trim().toLowerCase();
  const now = ctx.clock.now();
  const account: RateLimit = { key: accountKey(email), ...ACCOUNT_FAILURES };
  const address: RateLimit = { key: addressKey(input.ip), ...ADDRESS_FAILURES };
  const taken = await takeSlots(ctx.db, [account, address], now);
  if (!taken.ok) {
    if (taken.refused.key === account.key) {
      await alertOwner(ctx, email, now);
    }
    const reason = taken.refused.key === account.key ? 'account_locked' : 'address_limited';
    throw new AppError('TOO_MANY_REQUESTS', {
      params: { retryAfterSeconds: taken.retryAfterSeconds },
      details: { retryAfterSeconds: taken.retryAfterSeconds, reason },
    });
  }
  const ok = await input.check();
  if (ok) {
    await releaseSlots(ctx.db, taken.ids);
    return true;
  }
  if ((await countEvents(ctx.db, account, now)) >= account.limit) await alertOwner(ctx, email, now);
  return false;
}

/**
 * Emails the account's owner that someone is guessing its password, at most once per window
 * (an alert event under the account's lock decides; the idempotency key makes it one message).
 */
async function alertOwner(ctx: AppContext, email: string, now: Date): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user || user.disabledAt) return;
    const key = `login-alert:${user.id}`;
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
    if (await alertedWithin(tx, key, now)) return;
    const [event] = await tx
      .insert(rateLimitEvents)
      .values({ key, at: now })
      .returning({ id: rateLimitEvents.id });
    const surface = user.role === 'operator' ? 'operator' : 'bedrift';
    const page = `${ctx.config.publicUrl}/${surface}/innloggingslenke`;
    await queueMessage(tx, ctx, {
      channel: 'email',
      to: user.email.toLowerCase(),
      subject: 'Noen prøver å logge inn på kontoen din',
      body: [
        `Noen har prøvd feil passord ${ACCOUNT_FAILURES.limit} ganger på kontoen din i Bedriftsbillett.`,
        'Innlogging med passord er stengt i 15 minutter.',
        `Var det deg? Få en innloggingslenke på e-post her: ${page}`,
        'Var det ikke deg? Passordet ditt er ikke røpet, men velg gjerne et nytt etter at du har logget inn.',
        '',
        `(English: someone entered a wrong password ${ACCOUNT_FAILURES.limit} times for your account; password login is paused for 15 minutes. Get a sign-in link by email at ${page}.)`,
      ].join('\n'),
      idempotencyKey: `login-alert:${user.id}:${event?.id}`,
      companyId: user.companyId,
      kind: 'login_alert',
    });
  });
}

async function alertedWithin(tx: Tx, key: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const [row] = await tx
    .select({ id: rateLimitEvents.id })
    .from(rateLimitEvents)
    .where(and(eq(rateLimitEvents.key, key), gt(rateLimitEvents.at, since)))
    .limit(1);
  return row !== undefined;
}
