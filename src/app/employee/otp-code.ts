import { createHmac } from 'node:crypto';

/** Rule 4: a code lives 10 minutes and allows 5 wrong tries. */
export const OTP_TTL_MS = 10 * 60_000;
export const OTP_MAX_TRIES = 5;
export const OTP_LENGTH = 6;

/**
 * The stored form of a code: an HMAC keyed with the server secret over company, phone and code,
 * so a leaked table reveals no code and a code only fits the phone and company it was sent for.
 */
export function hashOtp(secret: string, companyId: string, phone: string, code: string): string {
  return createHmac('sha256', secret).update(`${companyId}\n${phone}\n${code}`).digest('hex');
}
