import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * E.164 ('+4791234567') when the input is a valid mobile number, else null (rule 4: the login
 * code goes by SMS, so landlines are refused). Accepts '912 34 567', '+47 912 34 567', '004791234567'.
 */
export function normalizeMobile(input: string, defaultRegion = 'NO'): string | null {
  const parsed = parsePhoneNumberFromString(String(input), defaultRegion as CountryCode);
  if (!parsed?.isValid()) return null;
  const type = parsed.getType();
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE' ? parsed.number : null;
}

/** '+4791234567' → '+47 912 34 567' (Norwegian mobile grouping); other numbers in international format. */
export function formatPhoneNo(e164: string): string {
  const norwegian = /^\+47(\d{3})(\d{2})(\d{3})$/.exec(e164);
  if (norwegian) return `+47 ${norwegian[1]} ${norwegian[2]} ${norwegian[3]}`;
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** True for an ISO 3166-1 alpha-2 code libphonenumber knows ('NO', 'SE'). */
export function isPhoneCountry(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code);
}

/**
 * Issue 12.4 (SMS pumping): a mobile number we may send SMS to: valid, a mobile, and in one of
 * `allowedCountries` (ISO alpha-2). Returns the E.164 number, or which rule it broke.
 */
export function smsRecipient(
  input: string,
  allowedCountries: readonly string[],
): { phone: string } | { problem: 'PHONE_INVALID' | 'PHONE_COUNTRY_NOT_ALLOWED' } {
  const phone = normalizeMobile(input);
  if (!phone) return { problem: 'PHONE_INVALID' };
  const country = parsePhoneNumberFromString(phone)?.country;
  if (!country || !allowedCountries.includes(country)) return { problem: 'PHONE_COUNTRY_NOT_ALLOWED' };
  return { phone };
}
