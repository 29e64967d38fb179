import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useApiMutation } from '../query';
import { AppLink } from './AppLink';
import { ErrorMessage } from './ErrorMessage';
import {
  handleSignInAnswer,
  SecondFactorStep,
  type SecondFactorStepName,
  type SignInAnswer,
} from './SecondFactor';
import { SuccessMessage } from './SuccessMessage';
import { usePageTitle } from './usePageTitle';

interface RequestProps {
  /** The login page of the surface, e.g. /bedrift/logg-inn. */
  loginPath: string;
  className: string;
  formClassName: string;
}

/**
 * "Email me a sign-in link" (POST /api/auth/login-link): the way in when the password is
 * forgotten or password login is locked after someone else's wrong guesses. Always the same
 * answer, whether the address is known or not.
 */
export function LoginLinkRequestPage({ loginPath, className, formClassName }: RequestProps) {
  const { t } = useTranslation('common');
  usePageTitle(t('loginLink.title'));
  const [email, setEmail] = useState('');
  const request = useApiMutation<unknown, { email: string }>('post', '/api/auth/login-link');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    request.mutate({ email: email.trim() });
  };
  return (
    <div className={className}>
      <Heading level={1} data-size="lg">
        {t('loginLink.title')}
      </Heading>
      {request.isSuccess ? (
        <SuccessMessage>
          <Paragraph>{t('loginLink.sent', { email: request.variables?.email })}</Paragraph>
        </SuccessMessage>
      ) : (
        <>
          <Paragraph>{t('loginLink.intro')}</Paragraph>
          <form onSubmit={submit} className={formClassName}>
            <Textfield
              label={t('loginLink.email')}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
            <ErrorMessage error={request.error} />
            <div>
              <Button type="submit" loading={request.isPending} disabled={request.isPending}>
                {t('loginLink.submit')}
              </Button>
            </div>
          </form>
        </>
      )}
      <Paragraph>
        <AppLink to={loginPath}>{t('loginLink.back')}</AppLink>
      </Paragraph>
    </div>
  );
}

interface SignInProps<U> {
  requestPath: string;
  className: string;
  /** Called once signed in (new session and CSRF token by then). */
  onSignedIn: (user: U) => void | Promise<void>;
}

/**
 * The page the emailed link opens. Signing in takes a click (a POST), so a mail scanner that
 * fetches the link does not use it up.
 */
export function LoginLinkSignInPage<U>({ requestPath, className, onSignedIn }: SignInProps<U>) {
  const { t } = useTranslation('common');
  usePageTitle(t('loginLink.signInTitle'));
  const { token = '' } = useParams();
  const [step, setStep] = useState<SecondFactorStepName | null>(null);
  const signIn = useApiMutation<SignInAnswer<U>, undefined>(
    'post',
    `/api/auth/login-link/${encodeURIComponent(token)}`,
    { onSuccess: (answer) => handleSignInAnswer(answer, onSignedIn, setStep) },
  );
  if (step) {
    return (
      <div className={className}>
        <Heading level={1} data-size="lg">
          {t('loginLink.signInTitle')}
        </Heading>
        <SecondFactorStep<U> step={step} onSignedIn={onSignedIn} />
      </div>
    );
  }
  return (
    <div className={className}>
      <Heading level={1} data-size="lg">
        {t('loginLink.signInTitle')}
      </Heading>
      <Paragraph>{t('loginLink.signInIntro')}</Paragraph>
      <ErrorMessage error={signIn.error} />
      <div>
        <Button
          type="button"
          loading={signIn.isPending}
          disabled={signIn.isPending || signIn.isSuccess}
          onClick={() => signIn.mutate(undefined)}
        >
          {t('loginLink.signIn')}
        </Button>
      </div>
      {signIn.error && (
        <Paragraph>
          <AppLink to={requestPath}>{t('loginLink.again')}</AppLink>
        </Paragraph>
      )}
    </div>
  );
}
