import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useApiMutation } from '../../../query';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useSessionChanged } from '../shared/session';

/** Operator staff open the emailed link, create their own password and are logged in. */
export function AcceptInvitationPage() {
  const { t } = useTranslation('operator');
  usePageTitle(t('invitation.title'));
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const accept = useApiMutation<unknown, { password: string }>(
    'post',
    `/api/auth/invitations/${encodeURIComponent(token)}/accept`,
    {
      onSuccess: async () => {
        await sessionChanged();
        navigate('/operator', { replace: true });
      },
    },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const short = [...password].length < 12;
    setTooShort(short);
    if (!short) accept.mutate({ password });
  };
  return (
    <div className="operator-narrow">
      <Heading level={1} data-size="lg">
        {t('invitation.title')}
      </Heading>
      <Paragraph>{t('invitation.intro')}</Paragraph>
      <form onSubmit={submit} className="operator-form" noValidate>
        <Textfield
          label={t('invitation.password')}
          description={t('invitation.passwordHelp')}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={tooShort ? t('invitation.tooShort') : undefined}
          required
        />
        <ErrorMessage error={accept.error} />
        <div>
          <Button type="submit" loading={accept.isPending}>
            {t('invitation.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
