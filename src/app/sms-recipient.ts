import { AppError } from '../domain/errors';
import { smsRecipient } from '../domain/phone';
import type { AppContext } from './context';

/**
 * The one boundary for every phone number the product will send SMS to (employee login, a
 * subscription by hand or import, a company contact): E.164 when it is a valid mobile number in
 * SMS_ALLOWED_COUNTRIES, else 400 PHONE_INVALID or PHONE_COUNTRY_NOT_ALLOWED naming `path`.
 */
export function acceptSmsRecipient(ctx: AppContext, input: string, path = 'body.phone'): string {
  const allowed = ctx.config.SMS_ALLOWED_COUNTRIES;
  const result = smsRecipient(input, allowed);
  if ('phone' in result) return result.phone;
  const field = path.replace(/^body\./, '');
  throw new AppError(result.problem, {
    details: [{ path }],
    params: { field, countries: allowed.join(', ') },
  });
}
