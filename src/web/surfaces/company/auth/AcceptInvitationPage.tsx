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

/** The contact person's first visit: the link from the invitation email sets a password and logs in. */
export function AcceptInvitationPage() {
  const { t } = useTranslation('company');
  usePageTitle(t('invitation.title'));
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const [step, setStep] = useState<SecondFactorStepName | null>(null);
  const signedIn = async () => {
    await sessionChanged();
    navigate('/bedrift', { replace: true, state: { welcome: true } });
  };
  const accept = useApiMutation<SignInAnswer<User>, { password: string }>(
    'post',
    `/api/auth/invitations/${encodeURIComponent(token)}/accept`,
    { onSuccess: (answer) => handleSignInAnswer(answer, signedIn, setStep) },
  );
  return (
    <div className="company-narrow">
      <Heading level={1} data-size="lg">
        {t('invitation.title')}
      </Heading>
      {step ? (
        <SecondFactorStep<User> step={step} onSignedIn={signedIn} formClassName="company-form" />
      ) : (
        <>
          <Paragraph>{t('invitation.intro')}</Paragraph>
          <PasswordForm
            submitLabel={t('invitation.submit')}
            pending={accept.isPending}
            error={accept.error}
            onSubmit={(password) => accept.mutate({ password })}
          />
        </>
      )}
    </div>
  );
}
