import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../../query';
import { AppLink } from '../../../ui/AppLink';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { SuccessMessage } from '../../../ui/SuccessMessage';
import { usePageTitle } from '../../../ui/usePageTitle';

export function ForgotPasswordPage() {
  const { t } = useTranslation('company');
  usePageTitle(t('forgot.title'));
  const [email, setEmail] = useState('');
  const request = useApiMutation<unknown, { email: string }>('post', '/api/auth/password-reset');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    request.mutate({ email: email.trim() });
  };
  return (
    <div className="company-narrow">
      <Heading level={1} data-size="lg">
        {t('forgot.title')}
      </Heading>
      {request.isSuccess ? (
        <SuccessMessage>
          <Paragraph>{t('forgot.sent', { email: request.variables?.email })}</Paragraph>
        </SuccessMessage>
      ) : (
        <>
          <Paragraph>{t('forgot.intro')}</Paragraph>
          <form onSubmit={submit} className="company-form">
            <Textfield
              label={t('login.email')}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
            <ErrorMessage error={request.error} />
            <div>
              <Button type="submit" loading={request.isPending}>
                {t('forgot.submit')}
              </Button>
            </div>
          </form>
        </>
      )}
      <Paragraph>
        <AppLink to="/bedrift/logg-inn">{t('forgot.back')}</AppLink>
      </Paragraph>
    </div>
  );
}
