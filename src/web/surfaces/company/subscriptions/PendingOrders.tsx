import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../query';
import { AppLink } from '../../../ui/AppLink';
import { DateText } from '../../../ui/DateText';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { SuccessMessage } from '../../../ui/SuccessMessage';
import { useCatalog } from '../shared/useCatalog';
import type { Subscription } from '../types';
import { ApproveDialog } from './actions/ApproveDialog';
import { RejectDialog } from './actions/RejectDialog';

type Open = { kind: 'approve' | 'reject'; subscription: Subscription } | null;

/** Orders waiting for the admin (manual approval), oldest first, each with approve and reject. */
export function PendingOrders({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('company');
  const { zoneNames, categoryName } = useCatalog();
  const query = useApiQuery<{ items: Subscription[] }>('/api/company/subscriptions?status=pending');
  const [open, setOpen] = useState<Open>(null);
  // Issue 15.6: the row acted on leaves the list, so the focus goes to the message of what was done.
  const [done, setDone] = useState<{ id: string; text: string } | null>(null);
  const items = [...(query.data?.items ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <section aria-labelledby="pending-heading" className="company-stack">
      <Heading level={headingLevel} data-size="sm" id="pending-heading">
        {t('pending.title', { count: items.length })}
      </Heading>
      <ErrorMessage error={query.error} />
      {done && (
        <SuccessMessage key={done.id}>
          <Paragraph>{done.text}</Paragraph>
        </SuccessMessage>
      )}
      {query.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Paragraph>{t('pending.none')}</Paragraph>
      ) : (
        <div className="company-table-wrap">
          <Table zebra>
            <caption className="company-visually-hidden">{t('pending.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('columns.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('columns.ticket')}</Table.HeaderCell>
                <Table.HeaderCell>{t('columns.start')}</Table.HeaderCell>
                <Table.HeaderCell>{t('columns.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((s) => (
                <Table.Row key={s.id}>
                  <Table.Cell>
                    <AppLink to={`/bedrift/abonnementer/${s.id}`}>
                      {s.firstName} {s.lastName}
                    </AppLink>
                  </Table.Cell>
                  <Table.Cell>
                    {categoryName(s.categoryId)} · {zoneNames(s.zoneIds)}
                  </Table.Cell>
                  <Table.Cell>
                    <DateText date={s.startDate} />
                  </Table.Cell>
                  <Table.Cell>
                    <div className="company-buttons">
                      <Button
                        data-size="sm"
                        aria-label={t('pending.approveFor', { name: `${s.firstName} ${s.lastName}` })}
                        onClick={() => setOpen({ kind: 'approve', subscription: s })}
                      >
                        {t('actions.approve')}
                      </Button>
                      <Button
                        data-size="sm"
                        variant="secondary"
                        aria-label={t('pending.rejectFor', { name: `${s.firstName} ${s.lastName}` })}
                        onClick={() => setOpen({ kind: 'reject', subscription: s })}
                      >
                        {t('actions.reject')}
                      </Button>
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {open?.kind === 'approve' && (
        <ApproveDialog
          key={open.subscription.id}
          subscription={open.subscription}
          open
          onClose={() => setOpen(null)}
          onDone={() =>
            setDone({
              id: `approved-${open.subscription.id}`,
              text: `${open.subscription.firstName} ${open.subscription.lastName}: ${t('done.approved')}`,
            })
          }
        />
      )}
      {open?.kind === 'reject' && (
        <RejectDialog
          key={open.subscription.id}
          subscription={open.subscription}
          open
          onClose={() => setOpen(null)}
          onDone={() =>
            setDone({
              id: `rejected-${open.subscription.id}`,
              text: `${open.subscription.firstName} ${open.subscription.lastName}: ${t('done.rejected')}`,
            })
          }
        />
      )}
    </section>
  );
}
