import { Card, Field, Heading, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../query';
import { AppLink } from '../../../ui/AppLink';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { formatDateTime, localeOf } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';
import { Money } from '../../../ui/Money';
import { usePageTitle } from '../../../ui/usePageTitle';
import { formatDayShort, formatMonth, money } from '../shared/format';
import { BarChart } from './BarChart';

type Figures = {
  months: string[];
  activeTickets: { month: string; count: number }[];
  invoiced: { month: string; totalOre: number }[];
  ordersPerDay: { date: string; count: number }[];
  pendingOverdue: {
    id: string;
    companyId: string;
    companyName: string;
    firstName: string;
    lastName: string;
    createdAt: string;
  }[];
  byCompany: {
    companyId: string;
    name: string;
    status: string;
    activeTickets: number;
    invoicedOre: number;
    orders: number;
    pendingOverdue: number;
  }[];
};

/** Oversikt: the scheme's figures, in total or for one company. */
export function OverviewPage() {
  const { t, i18n } = useTranslation('operator');
  usePageTitle(t('overview.title'));
  const locale = localeOf(i18n.resolvedLanguage);
  const [companyId, setCompanyId] = useState('');
  const all = useApiQuery<Figures>('/api/operator/figures');
  const figures = useApiQuery<Figures>(`/api/operator/figures${companyId ? `?companyId=${companyId}` : ''}`);
  const data = figures.data;
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('overview.title')}
      </Heading>
      <Field>
        <Label>{t('overview.companyFilter')}</Label>
        <Select value={companyId} onChange={(e) => setCompanyId(e.target.value)} width="auto">
          <Select.Option value="">{t('overview.allCompanies')}</Select.Option>
          {(all.data?.byCompany ?? []).map((c) => (
            <Select.Option key={c.companyId} value={c.companyId}>
              {c.name}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <ErrorMessage error={figures.error} />
      {!data ? (
        <Loading />
      ) : (
        <>
          <div className="operator-grid">
            <Card data-color="neutral">
              <Heading level={2} data-size="2xs">
                {t('overview.activeNow')}
              </Heading>
              <Paragraph data-size="lg">{data.activeTickets.at(-1)?.count ?? 0}</Paragraph>
            </Card>
            <Card data-color="neutral">
              <Heading level={2} data-size="2xs">
                {t('overview.invoicedLast')}
              </Heading>
              <Paragraph data-size="lg">
                <Money ore={data.invoiced.at(-2)?.totalOre ?? 0} />
              </Paragraph>
            </Card>
            <Card data-color={data.pendingOverdue.length > 0 ? 'warning' : 'neutral'}>
              <Heading level={2} data-size="2xs">
                {t('overview.overdueCount')}
              </Heading>
              <Paragraph data-size="lg">{data.pendingOverdue.length}</Paragraph>
            </Card>
          </div>
          <section className="operator-stack">
            <Heading level={2} data-size="sm">
              {t('overview.activeTickets')}
            </Heading>
            <BarChart
              title={t('overview.activeTicketsCaption')}
              labelHeader={t('overview.month')}
              valueHeader={t('overview.tickets')}
              bars={data.activeTickets.map((m) => ({
                key: m.month,
                label: formatMonth(m.month, locale),
                value: m.count,
                text: String(m.count),
              }))}
            />
          </section>
          <section className="operator-stack">
            <Heading level={2} data-size="sm">
              {t('overview.invoiced')}
            </Heading>
            <BarChart
              title={t('overview.invoicedCaption')}
              labelHeader={t('overview.month')}
              valueHeader={t('overview.amount')}
              bars={data.invoiced.map((m) => ({
                key: m.month,
                label: formatMonth(m.month, locale),
                value: m.totalOre,
                text: money(m.totalOre, locale),
              }))}
            />
          </section>
          <section className="operator-stack">
            <Heading level={2} data-size="sm">
              {t('overview.ordersPerDay')}
            </Heading>
            <BarChart
              title={t('overview.ordersCaption')}
              labelHeader={t('overview.date')}
              valueHeader={t('overview.orders')}
              bars={data.ordersPerDay.map((d) => ({
                key: d.date,
                label: formatDayShort(d.date),
                value: d.count,
                text: String(d.count),
              }))}
            />
          </section>
          <section className="operator-stack">
            <Heading level={2} data-size="sm">
              {t('overview.overdue')}
            </Heading>
            {data.pendingOverdue.length === 0 ? (
              <Paragraph>{t('overview.noOverdue')}</Paragraph>
            ) : (
              <ul>
                {data.pendingOverdue.map((p) => (
                  <li key={p.id}>
                    {t('overview.overdueItem', {
                      name: `${p.firstName} ${p.lastName}`,
                      company: p.companyName,
                      at: formatDateTime(p.createdAt, locale),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="operator-stack">
            <Heading level={2} data-size="sm">
              {t('overview.perCompany')}
            </Heading>
            <div className="operator-table-wrap">
              <Table data-size="sm" zebra>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('companies.name')}</Table.HeaderCell>
                    <Table.HeaderCell className="operator-number">
                      {t('overview.ticketsThisMonth')}
                    </Table.HeaderCell>
                    <Table.HeaderCell className="operator-number">
                      {t('overview.invoicedLastMonth')}
                    </Table.HeaderCell>
                    <Table.HeaderCell className="operator-number">{t('overview.orders30')}</Table.HeaderCell>
                    <Table.HeaderCell className="operator-number">
                      {t('overview.overdueShort')}
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {data.byCompany.map((c) => (
                    <Table.Row key={c.companyId}>
                      <Table.Cell>
                        <AppLink to={`/operator/bedrifter/${c.companyId}`}>{c.name}</AppLink>
                      </Table.Cell>
                      <Table.Cell className="operator-number">{c.activeTickets}</Table.Cell>
                      <Table.Cell className="operator-number">
                        <Money ore={c.invoicedOre} />
                      </Table.Cell>
                      <Table.Cell className="operator-number">{c.orders}</Table.Cell>
                      <Table.Cell className="operator-number">{c.pendingOverdue}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          </section>
        </>
      )}
    </>
  );
}
