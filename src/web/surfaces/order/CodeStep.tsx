import { Alert, Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../../domain/phone-format';
import { ApiError } from '../../api';
import { useApiMutation } from '../../query';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useLoginBase, useSessionChanged } from './useOrderPage';

const RESEND_AFTER_S = 30;

function useSecondsLeft(sentAt: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.ceil((sentAt + RESEND_AFTER_S * 1000 - now) / 1000));
}

type Props = { phone: string; sentAt: number; onResend: () => void; resending: boolean };

export function CodeStep({ phone, sentAt, onResend, resending }: Props) {
  const { t, i18n } = useTranslation('order');
  const base = useLoginBase();
  const sessionChanged = useSessionChanged();
  const [code, setCode] = useState('');
  const [firstSentAt] = useState(sentAt);
  const secondsLeft = useSecondsLeft(sentAt);
  const verify = useApiMutation<unknown, { phone: string; code: string; language: 'nb' | 'en' }>(
    'post',
    `${base}/otp/verify`,
    { onSuccess: sessionChanged },
  );
  const codeInput = useRef<HTMLInputElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new code was sent: forget the old one
  useEffect(() => {
    setCode('');
    verify.reset();
    // Issue 15.6: the next step after "Send kode" is typing the code; the keyboard lands there.
    codeInput.current?.focus();
  }, [sentAt]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!verify.isPending)
      verify.mutate({
        phone,
        code: code.replace(/\s+/g, ''),
        language: i18n.resolvedLanguage === 'en' ? 'en' : 'nb',
      });
  };
  const err = verify.error;
  const attemptsLeft = (err?.details as { attemptsLeft?: number } | undefined)?.attemptsLeft;
  const fieldError =
    err instanceof ApiError && err.code === 'OTP_INVALID' && attemptsLeft !== undefined
      ? t('login.attemptsLeft', { count: attemptsLeft })
      : err?.code === 'OTP_INVALID' || err?.code === 'OTP_EXPIRED' || err?.code === 'OTP_LOCKED'
        ? err.message
        : undefined;
  return (
    <>
      {sentAt !== firstSentAt ? (
        <Alert data-color="info" role="status">
          <Paragraph>{t('login.resent')}</Paragraph>
        </Alert>
      ) : (
        <Paragraph>{t('login.codeSent', { phone: formatPhone(phone) })}</Paragraph>
      )}
      <form onSubmit={submit} className="order-form" noValidate>
        <Textfield
          ref={codeInput}
          label={t('login.code')}
          description={t('login.codeFormat')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={fieldError}
          required
        />
        {!fieldError && <ErrorMessage error={err} />}
        <div className="order-buttons">
          <Button type="submit" loading={verify.isPending} disabled={verify.isPending}>
            {t('login.submit')}
          </Button>
          <Button
            type="button"
            variant="secondary"
            disabled={secondsLeft > 0 || resending}
            onClick={onResend}
          >
            {t('login.resend')}
          </Button>
        </div>
        {secondsLeft > 0 && (
          <Paragraph data-size="sm">{t('login.resendWait', { count: secondsLeft })}</Paragraph>
        )}
      </form>
    </>
  );
}
