import { Button, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api';
import { ErrorMessage } from '../../ui/ErrorMessage';

type Props = { pending: boolean; error: ApiError | null; onSend: (phone: string) => void };

export function PhoneStep({ pending, error, onSend }: Props) {
  const { t } = useTranslation('order');
  const [phone, setPhone] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!pending && phone.trim()) onSend(phone.trim());
  };
  const fieldError = error?.code === 'PHONE_INVALID' ? error.message : undefined;
  return (
    <form onSubmit={submit} className="order-form" noValidate>
      <Textfield
        label={t('login.phone')}
        description={t('login.phoneHelp')}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        error={fieldError}
        required
      />
      {!fieldError && <ErrorMessage error={error} />}
      <div>
        <Button type="submit" loading={pending} disabled={pending}>
          {t('login.sendCode')}
        </Button>
      </div>
    </form>
  );
}
