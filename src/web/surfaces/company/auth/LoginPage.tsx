import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { AppLink } from '../../../ui/AppLink';
import { PasswordLoginForm } from '../../../ui/PasswordLoginForm';
import { SuccessMessage } from '../../../ui/SuccessMessage';
import { usePageTitle } from '../../../ui/usePageTitle';
import type { User } from '../types';
import { useSessionChanged } from './useAfterLogin';

/** Only paths inside the portal are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next?.startsWith('/bedrift') && !next.startsWith('//') ? next : '/bedrift';
}

export function LoginPage() {
  const { t } = useTranslation('company');
  const { t: tc } = useTranslation('common');
  usePageTitle(t('login.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const notice = (useLocation().state as { notice?: 'passwordChanged' | 'loggedOut' } | null)?.notice;
  const sessionChanged = useSessionChanged();
  return (
    <div className="company-narrow">
      <Heading level={1} data-size="lg">
        {t('login.title')}
      </Heading>
      {notice && (
        <SuccessMessage>
          <Paragraph>{t(`login.${notice}`)}</Paragraph>
        </SuccessMessage>
      )}
      <PasswordLoginForm<User>
        className="company-form"
        labels={{
          email: t('login.email'),
          password: t('login.password'),
          submit: t('login.submit'),
          passkey: tc('passkeys.signIn'),
        }}
        onLoggedIn={async (user) => {
          await sessionChanged();
          navigate(user.role === 'operator' ? '/operator' : safeNext(params.get('neste')), { replace: true });
        }}
      />
      <Paragraph>
        <AppLink to="/bedrift/glemt-passord">{t('login.forgot')}</AppLink>
      </Paragraph>
      <Paragraph>
        <AppLink to="/bedrift/innloggingslenke">{tc('loginLink.link')}</AppLink>
      </Paragraph>
    </div>
  );
}
