import {
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Select,
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
import { useCanWrite, useMe } from '../shared/session';

/** The invite form's inputs by request path, and the error code about one of them (issue 15.6). */
const INVITE_FIELDS = { name: 'staff-name', email: 'staff-email' };
const INVITE_CODES = { EMAIL_TAKEN: 'email' };

type Role = 'admin' | 'read_only' | 'inspector';
const ROLES: readonly Role[] = ['read_only', 'inspector', 'admin'];
type Staff = {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: 'active' | 'invited' | 'disabled';
};
const PATH = '/api/operator/staff';

/** Ansatte: the operator's staff; invite more as admin, read-only or inspector (ticket inspection only). */
export function StaffPage() {
  const { t } = useTranslation('operator');
  usePageTitle(t('staff.title'));
  const canWrite = useCanWrite();
  const me = useMe();
  const list = useApiQuery<{ items: Staff[] }>(PATH);
  const [form, setForm] = useState<{ email: string; name: string; role: Role }>({
    email: '',
    name: '',
    role: 'read_only',
  });
  const invite = useApiMutation<Staff, typeof form>('post', PATH, {
    invalidates: [PATH],
    onSuccess: () => setForm({ email: '', name: '', role: 'read_only' }),
  });
  const update = useApiMutation<unknown, { id: string; role?: Role; disabled?: boolean }>(
    'patch',
    (v) => `${PATH}/${v.id}`,
    { invalidates: [PATH] },
  );
  const resend = useApiMutation<{ email: string }, { id: string }>(
    'post',
    (v) => `${PATH}/${v.id}/resend-invitation`,
  );
  const inviteErrors = fieldMessagesOf(invite.error, INVITE_CODES);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate({ ...form, email: form.email.trim(), name: form.name.trim() });
  };
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('staff.title')}
      </Heading>
      <ErrorMessage error={list.error ?? update.error ?? resend.error} />
      {resend.data && (
        <SuccessMessage key={resend.submittedAt}>
          <Paragraph>{t('detail.invitationSent', { email: resend.data.email })}</Paragraph>
        </SuccessMessage>
      )}
      {!list.data ? (
        <Loading />
      ) : (
        <div className="operator-table-wrap">
          <Table data-size="sm" zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('staff.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('staff.email')}</Table.HeaderCell>
                <Table.HeaderCell>{t('staff.role')}</Table.HeaderCell>
                <Table.HeaderCell>{t('zones.status')}</Table.HeaderCell>
                {canWrite && <Table.HeaderCell>{t('zones.actions')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.items.map((s) => (
                <Table.Row key={s.id}>
                  <Table.Cell>{s.name}</Table.Cell>
                  <Table.Cell>{s.email}</Table.Cell>
                  <Table.Cell>
                    {canWrite && s.status !== 'disabled' ? (
                      <Field>
                        <Label className="ds-sr-only">
                          {t('staff.roleFor', { name: s.name || s.email })}
                        </Label>
                        <Select
                          value={s.role}
                          onChange={(e) => update.mutate({ id: s.id, role: e.target.value as Role })}
                          width="auto"
                        >
                          {ROLES.map((r) => (
                            <Select.Option key={r} value={r}>
                              {t(`staff.roles.${r}`)}
                            </Select.Option>
                          ))}
                        </Select>
                      </Field>
                    ) : (
                      t(`staff.roles.${s.role}`)
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <Tag
                      data-color={
                        s.status === 'active' ? 'success' : s.status === 'invited' ? 'info' : 'neutral'
                      }
                    >
                      {t(`staff.statuses.${s.status}`)}
                    </Tag>
                  </Table.Cell>
                  {canWrite && (
                    <Table.Cell>
                      <div className="operator-actions">
                        {s.status === 'invited' && (
                          <Button
                            data-size="sm"
                            variant="secondary"
                            loading={resend.isPending && resend.variables?.id === s.id}
                            onClick={() => resend.mutate({ id: s.id })}
                          >
                            {t('detail.resendInvitation')} <span className="ds-sr-only">{s.email}</span>
                          </Button>
                        )}
                        {s.id !== me.data?.user.id && (
                          <Button
                            data-size="sm"
                            variant="tertiary"
                            loading={update.isPending && update.variables?.id === s.id}
                            onClick={() => update.mutate({ id: s.id, disabled: s.status !== 'disabled' })}
                          >
                            {s.status === 'disabled' ? t('staff.enable') : t('staff.disable')}{' '}
                            <span className="ds-sr-only">{s.email}</span>
                          </Button>
                        )}
                      </div>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {canWrite && (
        <section className="operator-stack" aria-labelledby="invite-staff">
          <Heading level={2} data-size="sm" id="invite-staff">
            {t('staff.invite')}
          </Heading>
          <form className="operator-form operator-narrow" onSubmit={submit}>
            <Textfield
              id="staff-name"
              label={t('staff.name')}
              error={inviteErrors.name}
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
              required
              autoComplete="off"
            />
            <Textfield
              id="staff-email"
              label={t('staff.email')}
              error={inviteErrors.email}
              type="email"
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.target.value })}
              required
              autoComplete="off"
            />
            <Fieldset>
              <Fieldset.Legend>{t('staff.role')}</Fieldset.Legend>
              {ROLES.map((r) => (
                <Radio
                  key={r}
                  name="role"
                  value={r}
                  label={t(`staff.roles.${r}`)}
                  description={t(`staff.roleHelp.${r}`)}
                  checked={form.role === r}
                  onChange={() => setForm({ ...form, role: r })}
                />
              ))}
            </Fieldset>
            <ErrorMessage error={invite.error} fields={INVITE_FIELDS} codes={INVITE_CODES} />
            {invite.data && (
              <SuccessMessage key={invite.data.id}>
                <Paragraph>{t('detail.invitationSent', { email: invite.data.email })}</Paragraph>
              </SuccessMessage>
            )}
            <div>
              <Button type="submit" loading={invite.isPending}>
                {t('staff.sendInvite')}
              </Button>
            </div>
          </form>
        </section>
      )}
    </>
  );
}
