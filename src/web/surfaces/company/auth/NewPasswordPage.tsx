import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useApiMutation } from '../../../query';
import { usePageTitle } from '../../../ui/usePageTitle';
import type { User } from '../types';
import { PasswordForm } from './PasswordForm';
import { useSessionChanged } from './useAfterLogin';

/** The "forgot password" link: set a new password; logged in if the server starts a session. */
export function NewPasswordPage() {
  const { t } = useTranslation('company');
  usePageTitle(t('newPassword.title'));
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const reset = useApiMutation<{ user?: User } | undefined, { password: string }>(
    'post',
    `/api/auth/password-reset/${encodeURIComponent(token)}`,
    {
      onSuccess: async (data) => {
        await sessionChanged();
        if (data?.user) navigate('/bedrift', { replace: true });
        else navigate('/bedrift/logg-inn', { replace: true, state: { notice: 'passwordChanged' } });
      },
    },
  );
  return (
    <div className="company-narrow">
      <Heading level={1} data-size="lg">
        {t('newPassword.title')}
      </Heading>
      <Paragraph>{t('newPassword.intro')}</Paragraph>
      <PasswordForm
        submitLabel={t('newPassword.submit')}
        pending={reset.isPending}
        error={reset.error}
        onSubmit={(password) => reset.mutate({ password })}
      />
    </div>
  );
}
