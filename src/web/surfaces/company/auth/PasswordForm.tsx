import { Button, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../ui/ErrorMessage';

export const MIN_PASSWORD_LENGTH = 12;

type Props = { submitLabel: string; pending: boolean; error: unknown; onSubmit: (password: string) => void };

/** New password twice, at least 12 characters; checked here first so the errors are by the fields. */
export function PasswordForm({ submitLabel, pending, error, onSubmit }: Props) {
  const { t } = useTranslation('company');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [checked, setChecked] = useState(false);
  const tooShort = [...password].length < MIN_PASSWORD_LENGTH;
  const mismatch = password !== repeat;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (!tooShort && !mismatch && !pending) onSubmit(password);
  };
  return (
    <form onSubmit={submit} className="company-form" noValidate>
      <Textfield
        label={t('password.new')}
        description={t('password.rule', { count: MIN_PASSWORD_LENGTH })}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={checked && tooShort ? t('password.tooShort', { count: MIN_PASSWORD_LENGTH }) : undefined}
        required
      />
      <Textfield
        label={t('password.repeat')}
        type="password"
        autoComplete="new-password"
        value={repeat}
        onChange={(e) => setRepeat(e.target.value)}
        error={checked && !tooShort && mismatch ? t('password.mismatch') : undefined}
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
