import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MasterDataDto } from '../../../../app/companies/master-data';
import type { MasterDataPatch } from '../../../../app/companies/update-master-data';
import type { SubscriptionDto } from '../../../../app/subscriptions/to-dto';
import { formatPhone } from '../../../../domain/phone-format';
import { useApiMutation, useApiQuery } from '../../../query';
import { DateText } from '../../../ui/DateText';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { MasterDataForm } from '../../../ui/MasterDataForm';

/** Issue 16 item 5: the operator edits a company's master data (read-only staff only read it). */
export function CompanyMasterData({ companyId, canWrite }: { companyId: string; canWrite: boolean }) {
  const path = `/api/operator/companies/${companyId}/master-data`;
  const data = useApiQuery<MasterDataDto>(path);
  const save = useApiMutation<MasterDataDto, MasterDataPatch>('patch', path, {
    invalidates: [path, `/api/operator/companies/${companyId}`, '/api/operator/companies?'],
  });
  if (!data.data) return <ErrorMessage error={data.error} />;
  return (
    <section className="operator-stack">
      <MasterDataForm
        key={JSON.stringify(data.data)}
        data={data.data}
        onSave={(patch) => save.mutate(patch)}
        pending={save.isPending}
        error={save.error}
        saved={save.isSuccess}
        readOnly={!canWrite}
      />
    </section>
  );
}

type Page = { items: SubscriptionDto[]; nextCursor: string | null };

/** Issue 16 item 5: the company's subscriptions, read-only, 50 at a time, to support the company. */
export function CompanySubscriptions({ companyId }: { companyId: string }) {
  const { t } = useTranslation('operator');
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const page = useApiQuery<Page>(
    `/api/operator/companies/${companyId}/subscriptions?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
  );
  return (
    <section className="operator-stack" aria-labelledby="company-subscriptions-heading">
      <Heading level={2} data-size="sm" id="company-subscriptions-heading">
        {t('support.subscriptions')}
      </Heading>
      <Paragraph data-size="sm">{t('support.readOnly')}</Paragraph>
      <ErrorMessage error={page.error} />
      {page.data && page.data.items.length === 0 && <Paragraph>{t('support.none')}</Paragraph>}
      {page.data && page.data.items.length > 0 && (
        <Table data-size="sm" aria-labelledby="company-subscriptions-heading">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('support.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('support.phone')}</Table.HeaderCell>
              <Table.HeaderCell>{t('support.status')}</Table.HeaderCell>
              <Table.HeaderCell>{t('support.start')}</Table.HeaderCell>
              <Table.HeaderCell>{t('support.end')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {page.data.items.map((s) => (
              <Table.Row key={s.id}>
                <Table.Cell>
                  {s.lastName}, {s.firstName}
                </Table.Cell>
                <Table.Cell>{formatPhone(s.phone)}</Table.Cell>
                <Table.Cell>{t(`support.statuses.${s.status}`)}</Table.Cell>
                <Table.Cell>
                  <DateText date={s.startDate} />
                </Table.Cell>
                <Table.Cell>{s.endDate ? <DateText date={s.endDate} /> : t('support.openEnded')}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <div className="operator-actions">
        <Button
          variant="secondary"
          disabled={cursors.length === 0}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          {t('support.previous')}
        </Button>
        <Button
          variant="secondary"
          disabled={!page.data?.nextCursor}
          onClick={() => page.data?.nextCursor && setCursors((c) => [...c, page.data.nextCursor as string])}
        >
          {t('support.next')}
        </Button>
      </div>
    </section>
  );
}

/** Issue 16 item 5: reactivate a deactivated company (what the deactivation ended stays ended). */
export function ReactivateCompany({ companyId }: { companyId: string }) {
  const { t } = useTranslation('operator');
  const path = `/api/operator/companies/${companyId}`;
  const reactivate = useApiMutation<{ alreadyActive: boolean }, unknown>('post', `${path}/reactivate`, {
    invalidates: ['/api/operator/companies', '/api/operator/figures'],
  });
  return (
    <section className="operator-stack" aria-labelledby="reactivate-heading">
      <Heading level={2} data-size="sm" id="reactivate-heading">
        {t('support.reactivateHeading')}
      </Heading>
      <Paragraph>{t('support.reactivateWhat')}</Paragraph>
      <ErrorMessage error={reactivate.error} />
      <div>
        <Button onClick={() => reactivate.mutate({})} loading={reactivate.isPending}>
          {t('support.reactivate')}
        </Button>
      </div>
    </section>
  );
}
