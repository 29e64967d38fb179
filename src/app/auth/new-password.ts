import type { Tx } from '../../db/engine';
import { findCompany } from '../../db/repositories/companies';
import { AppError } from '../../domain/errors';
import { encodePasswordFeedback, judgePassword, PASSWORD_RULES } from '../../domain/password-strength';

/**
 * The one check wherever a password is set (invitation, reset, change): 12–128 characters and a
 * zxcvbn score of at least 3, with the user's own email and company name counted as easy words.
 * Throws a 400 naming the field (`path`) with zxcvbn's feedback; translated in error-messages.ts.
 */
export async function assertNewPasswordAcceptable(
  db: Tx,
  input: { password: string; user: { email: string; companyId: string | null }; path: string },
): Promise<void> {
  const company = input.user.companyId ? await findCompany(db, input.user.companyId) : null;
  const judgement = judgePassword(input.password, { email: input.user.email, companyName: company?.name });
  if (judgement.ok) return;
  const { path } = input;
  if (judgement.problem === 'too_short') {
    throw new AppError('PASSWORD_TOO_SHORT', {
      details: [{ path, problem: 'too_short', params: { min: PASSWORD_RULES.minLength } }],
    });
  }
  if (judgement.problem === 'too_long') {
    throw new AppError('PASSWORD_TOO_LONG', {
      details: [{ path, problem: 'too_long', params: { max: PASSWORD_RULES.maxLength } }],
    });
  }
  throw new AppError('PASSWORD_TOO_WEAK', {
    details: [
      {
        path,
        problem: 'password_too_weak',
        params: { score: judgement.score, passwordFeedback: encodePasswordFeedback(judgement.feedback) },
      },
    ],
  });
}
