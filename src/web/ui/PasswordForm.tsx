import { Button, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useDeferredValue, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './ErrorMessage';

type StrengthModule = typeof import('../../domain/password-strength');

/** The password rules, loaded with zxcvbn's word lists on first use (a chunk of its own). */
function useStrengthRules(): StrengthModule | null {
  const [rules, setRules] = useState<StrengthModule | null>(null);
  useEffect(() => {
    let live = true;
    import('../../domain/password-strength').then((m) => {
      if (live) setRules(m);
    });
    return () => {
      live = false;
    };
  }, []);
  return rules;
}

const MIN_LENGTH = 12;
const MAX_LENGTH = 128;

type Props = {
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (password: string) => void;
  className?: string;
};

/**
 * New password twice: 12–128 characters and hard to guess (the same zxcvbn rule as the server,
 * which also counts the person's email and company name). The strength is announced politely
 * as the person types; errors are shown by the fields on submit.
 */
export function PasswordForm({ submitLabel, pending, error, onSubmit, className = 'company-form' }: Props) {
  const { t, i18n } = useTranslation('common');
  const rules = useStrengthRules();
  const hintId = useId();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [checked, setChecked] = useState(false);
  const typed = useDeferredValue(password);
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'nb';
  const length = [...password].length;
  const lengthProblem = length < MIN_LENGTH ? 'tooShort' : length > MAX_LENGTH ? 'tooLong' : null;
  const judgement = rules && typed ? rules.judgePassword(typed) : null;
  const weak = judgement && !judgement.ok && judgement.problem === 'too_weak' ? judgement : null;
  const strong = judgement?.ok === true;
  const mismatch = password !== repeat;
  const fieldError = lengthProblem
    ? t(`password.${lengthProblem}`, { count: lengthProblem === 'tooShort' ? MIN_LENGTH : MAX_LENGTH })
    : weak && rules
      ? `${t('password.tooWeak')} ${rules.passwordFeedbackText(weak.feedback, lang)}`
      : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (!fieldError && !mismatch && !pending) onSubmit(password);
  };
  const hint = !typed
    ? ''
    : lengthProblem
      ? t('password.strength.length', { count: length, min: MIN_LENGTH, max: MAX_LENGTH })
      : weak && rules
        ? `${t('password.strength.weak')} ${rules.passwordFeedbackText(weak.feedback, lang)}`
        : strong
          ? t('password.strength.strong')
          : '';
  return (
    <form onSubmit={submit} className={className} noValidate>
      <Textfield
        label={t('password.new')}
        description={t('password.rule', { min: MIN_LENGTH, max: MAX_LENGTH })}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={checked && fieldError ? fieldError : undefined}
        required
      />
      <p id={hintId} role="status" aria-live="polite" className="password-strength" data-strong={strong}>
        {hint}
      </p>
      <Textfield
        label={t('password.repeat')}
        type="password"
        autoComplete="new-password"
        value={repeat}
        onChange={(e) => setRepeat(e.target.value)}
        error={checked && !fieldError && mismatch ? t('password.mismatch') : undefined}
        required
      />
      <ErrorMessage error={error} />
      <div>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
