import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AppLink } from '../../../ui/AppLink';
import { PasswordLoginForm } from '../../../ui/PasswordLoginForm';
import { usePageTitle } from '../../../ui/usePageTitle';
import { type OperatorUser, useSessionChanged } from '../shared/session';

export function LoginPage() {
  const { t } = useTranslation('operator');
  const { t: tc } = useTranslation('common');
  usePageTitle(t('login.title'));
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  return (
    <div className="operator-narrow">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Heading level={2} data-size="md">
        {t('login.title')}
      </Heading>
      <PasswordLoginForm<OperatorUser>
        className="operator-form"
        labels={{
          email: t('login.email'),
          password: t('login.password'),
          submit: t('login.submit'),
          passkey: tc('passkeys.signIn'),
        }}
        onLoggedIn={async (user) => {
          await sessionChanged();
          navigate(user.role === 'operator' ? '/operator' : '/bedrift', { replace: true });
        }}
      />
      <Paragraph>
        <AppLink to="/operator/innloggingslenke">{tc('loginLink.link')}</AppLink>
      </Paragraph>
    </div>
  );
}
