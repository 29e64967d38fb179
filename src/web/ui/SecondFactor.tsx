import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resetCsrfToken } from '../api';
import { useApiMutation, useApiQuery } from '../query';
import { ErrorMessage } from './ErrorMessage';
import { AddPasskeyButton, PasskeySignInButton } from './Passkeys';

/** What a sign-in still needs after the password or an emailed link (the API's `secondFactor`). */
export type SecondFactorStepName = 'second_factor' | 'enrol_second_factor';

/** The answer of every way in: a user, or the step still due. */
export interface SignInAnswer<U> {
  user?: U;
  secondFactor?: SecondFactorStepName;
}

/**
 * After an answer that names a step, the session is new (its CSRF token too): forget the old
 * token and show the step; otherwise the person is signed in.
 */
export function handleSignInAnswer<U>(
  answer: SignInAnswer<U> | undefined,
  signedIn: (user: U) => void | Promise<void>,
  stepDue: (step: SecondFactorStepName) => void,
) {
  if (answer?.secondFactor) {
    resetCsrfToken();
    stepDue(answer.secondFactor);
  } else if (answer?.user) {
    return signedIn(answer.user);
  }
}

/** The second step of a sign-in: a code from the authenticator app, or a recovery code; or enrolment when required. */
export function SecondFactorStep<U>({
  step,
  onSignedIn,
  formClassName,
}: {
  step: SecondFactorStepName;
  onSignedIn: (user: U) => void | Promise<void>;
  formClassName?: string;
}) {
  if (step === 'enrol_second_factor') {
    return (
      <TotpEnrolment<U>
        required
        formClassName={formClassName}
        onDone={async (user) => {
          if (user) await onSignedIn(user);
        }}
      />
    );
  }
  return <SecondFactorCodeForm<U> onSignedIn={onSignedIn} formClassName={formClassName} />;
}

function SecondFactorCodeForm<U>({
  onSignedIn,
  formClassName,
}: {
  onSignedIn: (user: U) => void | Promise<void>;
  formClassName?: string;
}) {
  const { t } = useTranslation('common');
  const [recovery, setRecovery] = useState(false);
  const [value, setValue] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const verify = useApiMutation<{ user: U }, { code: string } | { recoveryCode: string }>(
    'post',
    '/api/auth/second-factor/verify',
    { onSuccess: ({ user }) => onSignedIn(user) },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const typed = value.trim();
    verify.mutate(recovery ? { recoveryCode: typed } : { code: typed.replace(/\s/g, '') });
  };
  return (
    <section aria-labelledby="second-factor-heading">
      <Heading level={2} data-size="sm" id="second-factor-heading" ref={heading} tabIndex={-1}>
        {t('secondFactor.stepTitle')}
      </Heading>
      <Paragraph>{recovery ? t('secondFactor.recoveryIntro') : t('secondFactor.codeIntro')}</Paragraph>
      <form onSubmit={submit} className={formClassName}>
        <Textfield
          key={recovery ? 'recovery' : 'code'}
          label={recovery ? t('secondFactor.recoveryCode') : t('secondFactor.code')}
          inputMode={recovery ? 'text' : 'numeric'}
          autoComplete={recovery ? 'off' : 'one-time-code'}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          required
        />
        <ErrorMessage error={verify.error} />
        <div>
          <Button type="submit" loading={verify.isPending}>
            {t('secondFactor.verify')}
          </Button>
        </div>
      </form>
      <Button
        variant="tertiary"
        onClick={() => {
          setRecovery(!recovery);
          setValue('');
          verify.reset();
        }}
      >
        {recovery ? t('secondFactor.useApp') : t('secondFactor.useRecovery')}
      </Button>
      <PasskeySignInButton<U> label={t('passkeys.useForStep')} onSignedIn={onSignedIn} />
    </section>
  );
}

type Setup = { secret: string; uri: string; qrSvg: string };
type Confirmed<U> = { recoveryCodes: string[]; user?: U; csrfToken?: string };

/**
 * Adding an authenticator app: the QR code (and the secret as text for typing in), a code to
 * confirm, then the recovery codes, shown once. `onDone` gets the user when this finished a
 * sign-in that required enrolment.
 */
export function TotpEnrolment<U>({
  required = false,
  formClassName,
  onDone,
}: {
  required?: boolean;
  formClassName?: string;
  onDone: (user: U | undefined) => void | Promise<void>;
}) {
  const { t } = useTranslation('common');
  const [code, setCode] = useState('');
  const [byPasskey, setByPasskey] = useState<{ recoveryCodes: string[]; user?: U } | null>(null);
  const setup = useApiMutation<Setup, undefined>('post', '/api/auth/second-factor/totp/setup');
  const confirm = useApiMutation<Confirmed<U>, { code: string }>(
    'post',
    '/api/auth/second-factor/totp/confirm',
    {
      onSuccess: (answer) => {
        if (answer.user) resetCsrfToken();
      },
    },
  );
  if (confirm.data) {
    return <RecoveryCodes codes={confirm.data.recoveryCodes} onDone={() => onDone(confirm.data?.user)} />;
  }
  if (byPasskey) {
    return <RecoveryCodes codes={byPasskey.recoveryCodes} onDone={() => onDone(byPasskey.user)} />;
  }
  return (
    <section aria-labelledby="totp-enrol-heading">
      <Heading level={2} data-size="sm" id="totp-enrol-heading">
        {t('secondFactor.enrolTitle')}
      </Heading>
      {required && (
        <Alert data-color="info">
          <Paragraph>{t('secondFactor.requiredIntro')}</Paragraph>
        </Alert>
      )}
      <Paragraph>{t('secondFactor.enrolIntro')}</Paragraph>
      {!setup.data ? (
        <>
          <ErrorMessage error={setup.error} />
          <Button onClick={() => setup.mutate(undefined)} loading={setup.isPending}>
            {t('secondFactor.start')}
          </Button>
          {required && (
            <>
              <Paragraph>{t('passkeys.orPasskey')}</Paragraph>
              <AddPasskeyButton<U>
                onAdded={async (result) => {
                  if (result.recoveryCodes.length > 0) setByPasskey(result);
                  else await onDone(result.user);
                }}
              />
            </>
          )}
        </>
      ) : (
        <>
          <img
            className="totp-qr"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.data.qrSvg)}`}
            alt={t('secondFactor.qrAlt')}
            width={220}
            height={220}
          />
          <Paragraph>
            {t('secondFactor.secretText')} <code className="totp-secret">{setup.data.secret}</code>
          </Paragraph>
          <form
            className={formClassName}
            onSubmit={(e) => {
              e.preventDefault();
              confirm.mutate({ code: code.replace(/\s/g, '') });
            }}
          >
            <Textfield
              label={t('secondFactor.confirmCode')}
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              required
            />
            <ErrorMessage error={confirm.error} />
            <div>
              <Button type="submit" loading={confirm.isPending}>
                {t('secondFactor.confirm')}
              </Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void | Promise<void> }) {
  const { t } = useTranslation('common');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="recovery-codes-heading">
      <Heading level={2} data-size="sm" id="recovery-codes-heading" ref={heading} tabIndex={-1}>
        {t('secondFactor.recoveryTitle')}
      </Heading>
      <Alert data-color="warning">
        <Paragraph>{t('secondFactor.recoveryOnce')}</Paragraph>
      </Alert>
      <ul className="recovery-codes" aria-label={t('secondFactor.recoveryTitle')}>
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <Button onClick={() => void onDone()}>{t('secondFactor.recoverySaved')}</Button>
    </section>
  );
}

type Status = { totpEnabled: boolean; passkeys: number; recoveryCodesLeft: number; required: boolean };

/** The signed-in person's own sign-in security: whether the app is on, recovery codes left, or add it. */
export function SecondFactorSettings({ formClassName }: { formClassName?: string }) {
  const { t } = useTranslation('common');
  const status = useApiQuery<Status>('/api/auth/second-factor');
  const [adding, setAdding] = useState(false);
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  if (status.isPending) return null;
  if (status.error) return <ErrorMessage error={status.error} />;
  const s = status.data;
  if (newCodes) {
    return (
      <RecoveryCodes
        codes={newCodes}
        onDone={async () => {
          setNewCodes(null);
          await status.refetch();
        }}
      />
    );
  }
  return (
    <section aria-labelledby="second-factor-settings">
      <Heading level={2} data-size="md" id="second-factor-settings">
        {t('secondFactor.settingsTitle')}
      </Heading>
      <Heading level={3} data-size="xs">
        {t('passkeys.title')}
      </Heading>
      <Paragraph>{t('passkeys.count', { count: s.passkeys })}</Paragraph>
      <AddPasskeyButton
        onAdded={async (result) => {
          if (result.recoveryCodes.length > 0) setNewCodes(result.recoveryCodes);
          else await status.refetch();
        }}
      />
      <Heading level={3} data-size="xs">
        {t('secondFactor.appTitle')}
      </Heading>
      {s.totpEnabled ? (
        <Paragraph>{t('secondFactor.enabled', { count: s.recoveryCodesLeft })}</Paragraph>
      ) : adding ? (
        <TotpEnrolment
          formClassName={formClassName}
          onDone={async () => {
            setAdding(false);
            await status.refetch();
          }}
        />
      ) : (
        <>
          <Paragraph>
            {s.required && s.passkeys === 0
              ? t('secondFactor.notEnabledRequired')
              : t('secondFactor.notEnabled')}
          </Paragraph>
          <Button onClick={() => setAdding(true)}>{t('secondFactor.add')}</Button>
        </>
      )}
    </section>
  );
}
