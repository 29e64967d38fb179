import {
  Alert,
  Button,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Table,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldMessagesOf } from '../../../api';
import { useApiMutation, useApiQuery } from '../../../query';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { SuccessMessage } from '../../../ui/SuccessMessage';
import { usePageTitle } from '../../../ui/usePageTitle';
import { ActionDialog } from '../shared/ActionDialog';

/** The invite form's inputs by request path, and the error codes about one of them (issue 15.6). */
const INVITE_FIELDS = { name: 'invite-name', email: 'invite-email' };
const INVITE_CODES = { EMAIL_TAKEN: 'email' };

type Role = 'full' | 'payroll';
type Admin = {
  id: string;
  name: string;
  email: string;
  status: 'invited' | 'active';
  isYou: boolean;
  role: Role;
};
const PATH = '/api/company/admins';

/** Administratorer: invite another admin by email, remove one (the last one stays). */
export function AdminsPage() {
  const { t } = useTranslation('company');
  usePageTitle(t('admins.title'));
  const list = useApiQuery<{ items: Admin[] }>(PATH);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('full');
  const [removing, setRemoving] = useState<Admin | null>(null);
  const invite = useApiMutation<Admin, { name: string; email: string; role: Role }>('post', PATH, {
    invalidates: [PATH, '/api/company/audit'],
    onSuccess: () => {
      setName('');
      setEmail('');
    },
  });
  const remove = useApiMutation<unknown, { id: string }>(
    'delete',
    (v) => `${PATH}/${encodeURIComponent(v.id)}`,
    {
      invalidates: [PATH, '/api/company/audit'],
      onSuccess: () => setRemoving(null),
    },
  );
  const resend = useApiMutation<{ email: string }, { id: string }>(
    'post',
    (v) => `${PATH}/${encodeURIComponent(v.id)}/resend-invitation`,
    { invalidates: ['/api/company/audit'] },
  );
  const inviteErrors = fieldMessagesOf(invite.error, INVITE_CODES);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() && email.trim()) invite.mutate({ name: name.trim(), email: email.trim(), role });
  };
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('admins.title')}
      </Heading>
      <ErrorMessage error={list.error ?? resend.error} />
      {resend.isSuccess && (
        <SuccessMessage>
          <Paragraph>{t('admins.invited', { email: resend.data.email })}</Paragraph>
        </SuccessMessage>
      )}
      {list.isPending ? (
        <Loading />
      ) : (
        <div className="company-table-wrap">
          <Table zebra>
            <caption className="company-visually-hidden">{t('admins.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('columns.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admins.email')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admins.role')}</Table.HeaderCell>
                <Table.HeaderCell>{t('columns.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('columns.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {(list.data?.items ?? []).map((a) => (
                <Table.Row key={a.id}>
                  <Table.Cell>
                    {a.name} {a.isYou && `(${t('admins.you')})`}
                  </Table.Cell>
                  <Table.Cell>{a.email}</Table.Cell>
                  <Table.Cell>{t(`admins.roles.${a.role}`)}</Table.Cell>
                  <Table.Cell>
                    <Tag data-size="sm" data-color={a.status === 'active' ? 'success' : 'info'}>
                      {t(`admins.status.${a.status}`)}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell>
                    {a.status === 'invited' && (
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        aria-label={t('admins.resendTo', { name: a.name })}
                        loading={resend.isPending && resend.variables?.id === a.id}
                        onClick={() => resend.mutate({ id: a.id })}
                      >
                        {t('admins.resend')}
                      </Button>
                    )}
                    <Button
                      variant="tertiary"
                      data-color="danger"
                      data-size="sm"
                      aria-label={t('admins.removeWho', { name: a.name })}
                      onClick={() => setRemoving(a)}
                    >
                      {t('admins.remove')}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <section aria-labelledby="invite-heading" className="company-stack">
        <Heading level={2} data-size="sm" id="invite-heading">
          {t('admins.invite')}
        </Heading>
        <form onSubmit={submit} className="company-form">
          <div className="company-row">
            <Textfield
              id="invite-name"
              label={t('columns.name')}
              error={inviteErrors.name}
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
            />
            <Textfield
              id="invite-email"
              label={t('admins.email')}
              error={inviteErrors.email}
              type="email"
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          </div>
          <Fieldset>
            <Fieldset.Legend>{t('admins.role')}</Fieldset.Legend>
            <Radio
              name="admin-role"
              value="full"
              label={t('admins.roles.full')}
              description={t('admins.roleHelp.full')}
              checked={role === 'full'}
              onChange={() => setRole('full')}
            />
            <Radio
              name="admin-role"
              value="payroll"
              label={t('admins.roles.payroll')}
              description={t('admins.roleHelp.payroll')}
              checked={role === 'payroll'}
              onChange={() => setRole('payroll')}
            />
          </Fieldset>
          <ErrorMessage error={invite.error} fields={INVITE_FIELDS} codes={INVITE_CODES} />
          {invite.isSuccess && (
            <SuccessMessage>
              <Paragraph>{t('admins.invited', { email: invite.data.email })}</Paragraph>
            </SuccessMessage>
          )}
          <div>
            <Button type="submit" loading={invite.isPending}>
              {t('admins.sendInvite')}
            </Button>
          </div>
        </form>
      </section>
      {removing && (
        <ActionDialog
          open
          onClose={() => {
            setRemoving(null);
            remove.reset();
          }}
          title={t('admins.removeTitle', { name: removing.name })}
          confirmLabel={t('admins.remove')}
          onConfirm={() => remove.mutate({ id: removing.id })}
          pending={remove.isPending}
          error={remove.error}
          danger
        >
          <Paragraph>{removing.isYou ? t('admins.removeYourself') : t('admins.removeText')}</Paragraph>
        </ActionDialog>
      )}
    </>
  );
}
