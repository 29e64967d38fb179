import { Button, Dialog, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { formatOrgNumber } from '../../../../domain/org-number';
import { formatPhone } from '../../../../domain/phone-format';
import { useApiMutation, useApiQuery } from '../../../query';
import { DateText } from '../../../ui/DateText';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { Money } from '../../../ui/Money';
import { SuccessMessage } from '../../../ui/SuccessMessage';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useCanWrite } from '../shared/session';
import type { OperatorCompany } from '../shared/types';
import { CompanyMasterData, CompanySubscriptions, ReactivateCompany } from './CompanySupport';

/**
 * One company: status, figures, contacts; resend the invitation; deactivate after a confirmation.
 * Issue 16 item 5: its master data (editable), its subscriptions (read-only), reactivation.
 */
export function CompanyDetailPage() {
  const { t } = useTranslation('operator');
  const { id = '' } = useParams();
  const registered = (useLocation().state as { registered?: boolean } | null)?.registered;
  const canWrite = useCanWrite();
  const path = `/api/operator/companies/${id}`;
  const company = useApiQuery<OperatorCompany & { deactivationEndDate: string }>(path);
  usePageTitle(company.data?.name ?? t('companies.title'));
  const dialog = useRef<HTMLDialogElement>(null);
  const resend = useApiMutation<{ email: string }, unknown>('post', `${path}/resend-invitation`, {
    invalidates: [path],
  });
  const deactivate = useApiMutation<
    { endDate: string; cancelled: number; ending: number },
    { confirm: true }
  >('post', `${path}/deactivate`, {
    invalidates: ['/api/operator/companies', '/api/operator/figures'],
    onSuccess: () => dialog.current?.close(),
  });
  if (company.error) return <ErrorMessage error={company.error} />;
  if (!company.data) return <Loading />;
  const c = company.data;
  const invited = c.contacts.some((p) => p.status === 'invited');
  return (
    <>
      <Heading level={1} data-size="lg">
        {c.name}
      </Heading>
      {registered && (
        <SuccessMessage>
          <Paragraph>{t('detail.registered')}</Paragraph>
        </SuccessMessage>
      )}
      {deactivate.data && (
        <SuccessMessage>
          <Paragraph>
            {t('detail.deactivated', {
              ending: deactivate.data.ending,
              cancelled: deactivate.data.cancelled,
            })}
          </Paragraph>
        </SuccessMessage>
      )}
      <Table data-size="sm">
        <Table.Body>
          <Table.Row>
            <Table.HeaderCell scope="row">{t('companies.orgNumber')}</Table.HeaderCell>
            <Table.Cell>{formatOrgNumber(c.orgNumber)}</Table.Cell>
          </Table.Row>
          <Table.Row>
            <Table.HeaderCell scope="row">{t('companies.status')}</Table.HeaderCell>
            <Table.Cell>
              <Tag data-color={c.status === 'active' ? 'success' : 'neutral'}>
                {t(`companies.statuses.${c.status}`)}
              </Tag>{' '}
              {c.deactivatedAt && <DateText date={c.deactivatedAt.slice(0, 10)} />}
            </Table.Cell>
          </Table.Row>
          <Table.Row>
            <Table.HeaderCell scope="row">{t('companies.activeTickets')}</Table.HeaderCell>
            <Table.Cell>{c.activeTickets}</Table.Cell>
          </Table.Row>
          <Table.Row>
            <Table.HeaderCell scope="row">{t('detail.pendingOrders')}</Table.HeaderCell>
            <Table.Cell>{c.pendingOrders}</Table.Cell>
          </Table.Row>
          <Table.Row>
            <Table.HeaderCell scope="row">{t('companies.monthlyAmount')}</Table.HeaderCell>
            <Table.Cell>
              <Money ore={c.monthlyAmountOre} />
            </Table.Cell>
          </Table.Row>
          <Table.Row>
            <Table.HeaderCell scope="row">{t('register.invoiceAddress')}</Table.HeaderCell>
            <Table.Cell>
              {c.invoiceAddress
                ? [
                    c.invoiceAddress.street,
                    `${c.invoiceAddress.postalCode} ${c.invoiceAddress.city}`,
                    c.invoiceAddress.email,
                    c.invoiceAddress.reference && `${t('register.reference')}: ${c.invoiceAddress.reference}`,
                  ]
                    .filter(Boolean)
                    .join(', ')
                : '–'}
            </Table.Cell>
          </Table.Row>
        </Table.Body>
      </Table>
      <section className="operator-stack">
        <Heading level={2} data-size="sm">
          {t('companies.contacts')}
        </Heading>
        <ul>
          {c.contacts.map((p) => (
            <li key={p.id}>
              {p.name} &lt;{p.email}&gt;{p.phone ? `, ${formatPhone(p.phone)}` : ''} –{' '}
              {t(`detail.contactStatus.${p.status}`)}
            </li>
          ))}
        </ul>
        {canWrite && invited && (
          <div>
            <Button variant="secondary" onClick={() => resend.mutate({})} loading={resend.isPending}>
              {t('detail.resendInvitation')}
            </Button>
          </div>
        )}
        {resend.data && (
          <SuccessMessage>
            <Paragraph>{t('detail.invitationSent', { email: resend.data.email })}</Paragraph>
          </SuccessMessage>
        )}
        <ErrorMessage error={resend.error} />
      </section>
      <CompanyMasterData companyId={c.id} canWrite={canWrite} />
      <CompanySubscriptions companyId={c.id} />
      {canWrite && c.status === 'deactivated' && <ReactivateCompany companyId={c.id} />}
      {canWrite && c.status === 'active' && (
        <section className="operator-stack">
          <Heading level={2} data-size="sm">
            {t('detail.deactivateHeading')}
          </Heading>
          <div>
            <Button data-color="danger" variant="secondary" onClick={() => dialog.current?.showModal()}>
              {t('detail.deactivate')}
            </Button>
          </div>
          <Dialog
            ref={dialog}
            closedby="any"
            aria-labelledby="deactivate-title"
            closeButton={t('detail.close')}
          >
            <Heading level={2} data-size="sm" id="deactivate-title">
              {t('detail.confirmTitle', { name: c.name })}
            </Heading>
            <Paragraph>{t('detail.confirmWhat')}</Paragraph>
            <ul>
              <li>{t('detail.confirmLink')}</li>
              <li>{t('detail.confirmPending')}</li>
              <li>
                {t('detail.confirmTickets')} <DateText date={c.deactivationEndDate} />.
              </li>
            </ul>
            <ErrorMessage error={deactivate.error} />
            <div className="operator-actions">
              <Button
                data-color="danger"
                onClick={() => deactivate.mutate({ confirm: true })}
                loading={deactivate.isPending}
              >
                {t('detail.confirmDeactivate')}
              </Button>
              <Button variant="secondary" onClick={() => dialog.current?.close()}>
                {t('detail.cancel')}
              </Button>
            </div>
          </Dialog>
        </section>
      )}
    </>
  );
}
