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
import { type OperatorUser, useSessionChanged } from '../shared/session';

/**
 * Operator staff open the emailed link, create their own password (12–128 characters, hard to
 * guess) and are logged in, after setting up an authenticator app when the operator requires one.
 */
export function AcceptInvitationPage() {
  const { t } = useTranslation('operator');
  usePageTitle(t('invitation.title'));
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const [step, setStep] = useState<SecondFactorStepName | null>(null);
  const signedIn = async () => {
    await sessionChanged();
    navigate('/operator', { replace: true });
  };
  const accept = useApiMutation<SignInAnswer<OperatorUser>, { password: string }>(
    'post',
    `/api/auth/invitations/${encodeURIComponent(token)}/accept`,
    { onSuccess: (answer) => handleSignInAnswer(answer, signedIn, setStep) },
  );
  return (
    <div className="operator-narrow">
      <Heading level={1} data-size="lg">
        {t('invitation.title')}
      </Heading>
      {step ? (
        <SecondFactorStep<OperatorUser> step={step} onSignedIn={signedIn} formClassName="operator-form" />
      ) : (
        <>
          <Paragraph>{t('invitation.intro')}</Paragraph>
          <PasswordForm
            className="operator-form"
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
