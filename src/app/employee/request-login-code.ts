import { sql } from 'drizzle-orm';
import { randomDigits } from '../../adapters/tokens';
import type { Tx } from '../../db/engine';
import { replaceCode } from '../../db/repositories/verification-codes';
import type { Language } from '../../domain/message-catalogue';
import type { AppContext } from '../context';
import { employeeLanguage, queueCatalogMessage } from '../messages';
import { assertWithinLimit, recordEvent } from '../rate-limit';
import { assertSmsBudget } from '../sms-budget';
import { acceptSmsRecipient } from '../sms-recipient';
import { companyAtDoor, type LoginDoor, maySendCode } from './login-door';
import { hashOtp, OTP_LENGTH, OTP_TTL_MS } from './otp-code';

const HOUR = 60 * 60_000;
/** Rule 4: limited sends per number and per IP per hour; a resend only after a short wait. */
export const OTP_SEND_LIMITS = { perPhonePerHour: 5, perIpPerHour: 20, resendAfterMs: 30_000 };

/**
 * Sends a 6-digit login code by SMS to any valid mobile number (through the consent link: to a
 * number with a consent request of the company, see `maySendCode`). The answer is the same whether
 * or not the number belongs to an employee, so login never reveals who is known.
 */
export async function requestLoginCode(
  ctx: AppContext,
  input: LoginDoor & { phone: string; ip: string; language?: Language },
): Promise<{ expiresAt: Date; resendAfterSeconds: number }> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const company = await companyAtDoor(tx, ctx.config, input);
    const phone = acceptSmsRecipient(ctx, input.phone);

    const phoneKey = `otp-send:phone:${phone}`;
    const ipKey = `otp-send:ip:${input.ip}`;
    // Concurrent requests for one number queue here, so the limits cannot be raced past.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${phoneKey}))`);
    await assertWithinLimit(
      tx,
      { key: phoneKey, limit: OTP_SEND_LIMITS.perPhonePerHour, windowMs: HOUR },
      now,
    );
    await assertWithinLimit(tx, { key: ipKey, limit: OTP_SEND_LIMITS.perIpPerHour, windowMs: HOUR }, now);
    await assertWithinLimit(tx, { key: phoneKey, limit: 1, windowMs: OTP_SEND_LIMITS.resendAfterMs }, now);
    // Issue 12.4: past the hourly SMS budget the person is told to wait, not sent a held code.
    await assertSmsBudget(tx, ctx.config, company.id);
    await recordEvent(tx, phoneKey, now);
    await recordEvent(tx, ipKey, now);

    // The web app's language now, else the one the employee chose before, else bokmål.
    const language = input.language ?? (await employeeLanguage(tx, company.id, phone));
    const resendAfterSeconds = OTP_SEND_LIMITS.resendAfterMs / 1000;
    if (!(await maySendCode(tx, input, company.id, phone))) {
      return { expiresAt: new Date(now.getTime() + OTP_TTL_MS), resendAfterSeconds };
    }
    const { expiresAt } = await issueLoginCode(tx, ctx, { company, phone, language, now });
    return { expiresAt, resendAfterSeconds };
  });
}

/**
 * Makes a new login code for phone + company (the older one dies) and queues the SMS, the code
 * being its secret part. `idempotencyKey` defaults to one per code; an operator's resend passes
 * its own (and no language: the employee's stored one is used).
 */
export async function issueLoginCode(
  tx: Tx,
  ctx: AppContext,
  input: {
    company: { id: string; name: string };
    phone: string;
    language?: Language;
    now: Date;
    idempotencyKey?: string;
  },
): Promise<{ expiresAt: Date }> {
  const { company, phone, now } = input;
  const code = randomDigits(OTP_LENGTH);
  const expiresAt = new Date(now.getTime() + OTP_TTL_MS);
  const row = await replaceCode(tx, {
    companyId: company.id,
    phone,
    codeHash: hashOtp(ctx.config.SESSION_SECRET, company.id, phone, code),
    expiresAt,
    createdAt: now,
  });
  await queueCatalogMessage(tx, ctx, {
    kind: 'login_code',
    params: { code, companyName: company.name, minutes: OTP_TTL_MS / 60_000 },
    language: input.language ?? (await employeeLanguage(tx, company.id, phone)),
    channel: 'sms',
    to: phone,
    idempotencyKey: input.idempotencyKey ?? `otp:${row.id}`,
    companyId: company.id,
  });
  return { expiresAt };
}
