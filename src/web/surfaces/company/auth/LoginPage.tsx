import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useApiMutation } from '../../../query';
import { AppLink } from '../../../ui/AppLink';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { usePageTitle } from '../../../ui/usePageTitle';
import type { User } from '../types';
import { useSessionChanged } from './useAfterLogin';

/** Only paths inside the portal are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next?.startsWith('/bedrift') && !next.startsWith('//') ? next : '/bedrift';
}

export function LoginPage() {
  const { t } = useTranslation('company');
  usePageTitle(t('login.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const notice = (useLocation().state as { notice?: 'passwordChanged' | 'loggedOut' } | null)?.notice;
  const sessionChanged = useSessionChanged();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useApiMutation<{ user: User }, { email: string; password: string }>(
    'post',
    '/api/auth/login',
    {
      onSuccess: async ({ user }) => {
        await sessionChanged();
        navigate(user.role === 'operator' ? '/operator' : safeNext(params.get('neste')), { replace: true });
      },
    },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ email: email.trim(), password });
  };
  return (
    <div className="company-narrow">
      <Heading level={1} data-size="lg">
        {t('login.title')}
      </Heading>
      {notice && (
        <Alert data-color="success">
          <Paragraph>{t(`login.${notice}`)}</Paragraph>
        </Alert>
      )}
      <form onSubmit={submit} className="company-form">
        <Textfield
          label={t('login.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
        />
        <Textfield
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <ErrorMessage error={login.error} />
        <div>
          <Button type="submit" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </div>
      </form>
      <Paragraph>
        <AppLink to="/bedrift/glemt-passord">{t('login.forgot')}</AppLink>
      </Paragraph>
    </div>
  );
}
