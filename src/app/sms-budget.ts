import type { Tx } from '../db/engine';
import { HELD_PREFIX, smsHourCounts } from '../db/repositories/sms-usage';
import { AppError } from '../domain/errors';
import { smsRecipient } from '../domain/phone';

/**
 * SMS pumping protection (issue 12.4, OWASP ASVS 5.0 V2.4 anti-automation): every SMS the product
 * queues passes here, at the one outbox writer (queueMessage), so no path can send past it.
 * A number outside SMS_ALLOWED_COUNTRIES, or an SMS over the global or the company's hourly
 * budget (a rolling hour of the database's clock), is stored as `failed` with a `held:` reason
 * and never handed to the transport; the operator is alerted once per budget and hour.
 */

/** The settings this module reads (a slice of Config). */
export type SmsPolicy = {
  SMS_ALLOWED_COUNTRIES: readonly string[];
  /** SMS per rolling hour for all companies together; 0 = no budget. */
  SMS_HOURLY_BUDGET: number;
  /** SMS per rolling hour for one company; 0 = no budget. */
  SMS_HOURLY_BUDGET_PER_COMPANY: number;
};

/** Why an SMS was held back (stored in `messages.last_error` as `held: <reason>`). */
export type SmsHoldReason = 'recipient_not_allowed' | 'sms_budget_exceeded';
export { HELD_PREFIX };

export type SmsUsage = {
  /** SMS queued (not held) in the last hour, all companies. */
  global: number;
  /** The same for the company (0 without one). */
  company: number;
  /** Seconds until the oldest counted SMS of the full budget leaves the hour (≥ 1). */
  retryAfterSeconds: number;
  /** The start of the current clock hour (database time), for alert keys. */
  hour: string;
};

/** Counts the SMS of the rolling hour, globally and for `companyId`, in the caller's transaction. */
export function smsUsage(tx: Tx, companyId: string | null): Promise<SmsUsage> {
  return smsHourCounts(tx, companyId);
}

/** Which budget `usage` has reached, if any. */
export function budgetReached(
  policy: SmsPolicy,
  usage: SmsUsage,
  companyId: string | null,
): 'global' | 'company' | null {
  if (policy.SMS_HOURLY_BUDGET > 0 && usage.global >= policy.SMS_HOURLY_BUDGET) return 'global';
  if (
    companyId &&
    policy.SMS_HOURLY_BUDGET_PER_COMPANY > 0 &&
    usage.company >= policy.SMS_HOURLY_BUDGET_PER_COMPANY
  ) {
    return 'company';
  }
  return null;
}

/**
 * For a use case whose whole point is an SMS (a login code): throws 429 SMS_BUDGET_EXCEEDED with
 * the seconds to wait when the global or the company's hourly budget is reached, so the person is
 * told instead of waiting for a code that is held back.
 */
export async function assertSmsBudget(tx: Tx, policy: SmsPolicy, companyId: string | null): Promise<void> {
  const usage = await smsUsage(tx, companyId);
  if (budgetReached(policy, usage, companyId)) {
    throw new AppError('SMS_BUDGET_EXCEEDED', {
      params: { retryAfterSeconds: usage.retryAfterSeconds },
      details: { retryAfterSeconds: usage.retryAfterSeconds },
    });
  }
}

/**
 * Decides, at the outbox writer, whether an SMS to `to` may go: null, or why it is held and which
 * budget (for the operator's alert), with the usage that decided it.
 */
export async function smsHold(
  tx: Tx,
  policy: SmsPolicy,
  to: string,
  companyId: string | null,
): Promise<{
  reason: SmsHoldReason;
  scope: 'country' | 'global' | 'company';
  usage: SmsUsage | null;
} | null> {
  if ('problem' in smsRecipient(to, policy.SMS_ALLOWED_COUNTRIES)) {
    return { reason: 'recipient_not_allowed', scope: 'country', usage: null };
  }
  const usage = await smsUsage(tx, companyId);
  const scope = budgetReached(policy, usage, companyId);
  return scope ? { reason: 'sms_budget_exceeded', scope, usage } : null;
}
