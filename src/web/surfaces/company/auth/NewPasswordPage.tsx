import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useApiMutation } from '../../../query';
import { PasswordForm } from '../../../ui/PasswordForm';
import {
  handleSignInAnswer,
  SecondFactorStep,
  type SecondFactorStepName,
  type SignInAnswer,
} from '../../../ui/SecondFactor';
import { usePageTitle } from '../../../ui/usePageTitle';
import type { User } from '../types';
import { useSessionChanged } from './useAfterLogin';

/** The "forgot password" link: set a new password; logged in if the server starts a session. */
export function NewPasswordPage() {
  const { t } = useTranslation('company');
  usePageTitle(t('newPassword.title'));
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const [step, setStep] = useState<SecondFactorStepName | null>(null);
  const signedIn = async (user?: User) => {
    await sessionChanged();
    if (user) navigate(user.role === 'operator' ? '/operator' : '/bedrift', { replace: true });
    else navigate('/bedrift/logg-inn', { replace: true, state: { notice: 'passwordChanged' } });
  };
  const reset = useApiMutation<SignInAnswer<User> | undefined, { password: string }>(
    'post',
    `/api/auth/password-reset/${encodeURIComponent(token)}`,
    {
      onSuccess: async (answer) => {
        if (answer?.user || answer?.secondFactor) await handleSignInAnswer(answer, signedIn, setStep);
        else await signedIn();
      },
    },
  );
  return (
    <div className="company-narrow">
      <Heading level={1} data-size="lg">
        {t('newPassword.title')}
      </Heading>
      {step ? (
        <SecondFactorStep<User> step={step} onSignedIn={signedIn} formClassName="company-form" />
      ) : (
        <>
          <Paragraph>{t('newPassword.intro')}</Paragraph>
          <PasswordForm
            submitLabel={t('newPassword.submit')}
            pending={reset.isPending}
            error={reset.error}
            onSubmit={(password) => reset.mutate({ password })}
          />
        </>
      )}
    </div>
  );
}
