import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useApiMutation } from '../../../query';
import { usePageTitle } from '../../../ui/usePageTitle';
import { PasswordForm } from './PasswordForm';
import { useSessionChanged } from './useAfterLogin';

/** The contact person's first visit: the link from the invitation email sets a password and logs in. */
export function AcceptInvitationPage() {
  const { t } = useTranslation('company');
  usePageTitle(t('invitation.title'));
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const accept = useApiMutation<unknown, { password: string }>(
    'post',
    `/api/auth/invitations/${encodeURIComponent(token)}/accept`,
    {
      onSuccess: async () => {
        await sessionChanged();
        navigate('/bedrift', { replace: true, state: { welcome: true } });
      },
    },
  );
  return (
    <div className="company-narrow">
      <Heading level={1} data-size="lg">
        {t('invitation.title')}
      </Heading>
      <Paragraph>{t('invitation.intro')}</Paragraph>
      <PasswordForm
        submitLabel={t('invitation.submit')}
        pending={accept.isPending}
        error={accept.error}
        onSubmit={(password) => accept.mutate({ password })}
      />
    </div>
  );
}
