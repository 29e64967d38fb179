import { Heading, Paragraph, Search, Table, Tag } from '@digdir/designsystemet-react';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatOrgNumber } from '../../../../domain/org-number';
import { useApiQuery } from '../../../query';
import { AppLink } from '../../../ui/AppLink';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { Money } from '../../../ui/Money';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useCanWrite } from '../shared/session';
import type { OperatorCompany } from '../shared/types';

/** Bedrifter: search by name or organisation number. */
export function CompaniesPage() {
  const { t } = useTranslation('operator');
  usePageTitle(t('companies.title'));
  const canWrite = useCanWrite();
  const [q, setQ] = useState('');
  const needle = useDeferredValue(q.trim());
  const list = useApiQuery<{ items: OperatorCompany[] }>(
    `/api/operator/companies?q=${encodeURIComponent(needle)}`,
    {
      placeholderData: (previous) => previous,
    },
  );
  return (
    <>
      <div className="operator-row">
        <Heading level={1} data-size="lg">
          {t('companies.title')}
        </Heading>
        {canWrite && <AppLink to="/operator/bedrifter/ny">{t('companies.register')}</AppLink>}
      </div>
      <Search>
        <Search.Input aria-label={t('companies.search')} value={q} onChange={(e) => setQ(e.target.value)} />
        <Search.Clear onClick={() => setQ('')} />
      </Search>

      <ErrorMessage error={list.error} />
      {!list.data ? (
        <Loading />
      ) : (
        <>
          <Paragraph aria-live="polite">{t('companies.count', { count: list.data.items.length })}</Paragraph>
          <div className="operator-table-wrap">
            <Table data-size="sm" zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('companies.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('companies.orgNumber')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('companies.status')}</Table.HeaderCell>
                  <Table.HeaderCell className="operator-number">
                    {t('companies.activeTickets')}
                  </Table.HeaderCell>
                  <Table.HeaderCell className="operator-number">
                    {t('companies.monthlyAmount')}
                  </Table.HeaderCell>
                  <Table.HeaderCell>{t('companies.contacts')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {list.data.items.map((c) => (
                  <Table.Row key={c.id}>
                    <Table.Cell>
                      <AppLink to={`/operator/bedrifter/${c.id}`}>{c.name}</AppLink>
                    </Table.Cell>
                    <Table.Cell>{formatOrgNumber(c.orgNumber)}</Table.Cell>
                    <Table.Cell>
                      <Tag data-color={c.status === 'active' ? 'success' : 'neutral'}>
                        {t(`companies.statuses.${c.status}`)}
                      </Tag>
                    </Table.Cell>
                    <Table.Cell className="operator-number">{c.activeTickets}</Table.Cell>
                    <Table.Cell className="operator-number">
                      <Money ore={c.monthlyAmountOre} />
                    </Table.Cell>
                    <Table.Cell>{c.contacts.map((p) => `${p.name} <${p.email}>`).join(', ')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </>
  );
}
