import { safeEqual } from '../../adapters/tokens';
import { setEmployeeLanguage } from '../../db/repositories/subscriptions';
import { consumeCode, countWrongTry, findCurrentCode } from '../../db/repositories/verification-codes';
import { AppError } from '../../domain/errors';
import type { Language } from '../../domain/message-catalogue';
import type { AppContext } from '../context';
import { acceptSmsRecipient } from '../sms-recipient';
import { companyAtDoor, type LoginDoor } from './login-door';
import { hashOtp, OTP_MAX_TRIES } from './otp-code';

/**
 * Checks a login code (rule 4): only the newest code for the phone and company, within 10
 * minutes, once, with at most 5 wrong tries (the 5th wrong try kills the code). Returns who to
 * start the employee session for; stores the language the employee signed in with.
 */
export async function verifyLoginCode(
  ctx: AppContext,
  input: LoginDoor & { phone: string; code: string; language?: Language },
): Promise<{ companyId: string; companyName: string; phone: string }> {
  const now = ctx.clock.now();
  const company = await companyAtDoor(ctx.db, ctx.config, input);
  const phone = acceptSmsRecipient(ctx, input.phone);

  const row = await findCurrentCode(ctx.db, company.id, phone);
  if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime()) throw new AppError('OTP_EXPIRED');
  if (row.attempts >= OTP_MAX_TRIES) throw new AppError('OTP_LOCKED');

  const code = input.code.replace(/\s+/g, '');
  const expected = hashOtp(ctx.config.SESSION_SECRET, company.id, phone, code);
  if (!safeEqual(expected, row.codeHash)) {
    // Counted outside any transaction that a thrown error would roll back.
    const tries = await countWrongTry(ctx.db, row.id, OTP_MAX_TRIES);
    if (tries === null || tries >= OTP_MAX_TRIES) throw new AppError('OTP_LOCKED');
    throw new AppError('OTP_INVALID', { details: { attemptsLeft: OTP_MAX_TRIES - tries } });
  }
  if (!(await consumeCode(ctx.db, row.id, OTP_MAX_TRIES, now))) throw new AppError('OTP_EXPIRED');
  // Issue 15: the language of the web app at login is the employee's choice for messages.
  if (input.language) await setEmployeeLanguage(ctx.db, company.id, phone, input.language);
  return { companyId: company.id, companyName: company.name, phone };
}
