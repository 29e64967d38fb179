import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiMutation } from '../../../query';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { usePageTitle } from '../../../ui/usePageTitle';
import { type OperatorUser, useSessionChanged } from '../shared/session';

export function LoginPage() {
  const { t } = useTranslation('operator');
  usePageTitle(t('login.title'));
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useApiMutation<{ user: OperatorUser }, { email: string; password: string }>(
    'post',
    '/api/auth/login',
    {
      onSuccess: async ({ user }) => {
        await sessionChanged();
        navigate(user.role === 'operator' ? '/operator' : '/bedrift', { replace: true });
      },
    },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ email: email.trim(), password });
  };
  return (
    <div className="operator-narrow">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Heading level={2} data-size="md">
        {t('login.title')}
      </Heading>
      <form onSubmit={submit} className="operator-form">
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
    </div>
  );
}
