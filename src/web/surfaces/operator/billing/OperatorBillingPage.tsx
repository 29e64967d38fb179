import {
  Button,
  Heading,
  Link,
  Paragraph,
  Table,
  Tag,
  Textarea,
  Textfield,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillingRunDto } from '../../../../app/billing/get-billing-run';
import type { OperatorInvoiceList } from '../../../../app/billing/list-invoices';
import { formatOrgNumber } from '../../../../domain/org-number';
import { useApiMutation, useApiQuery } from '../../../query';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { formatDate, localeOf } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';
import { Money } from '../../../ui/Money';
import { usePageTitle } from '../../../ui/usePageTitle';

type Invoice = OperatorInvoiceList['items'][number];
type Brief = { id: string; number: number } | null;

function previousMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** Fakturering: run a month (with progress), the month's invoices with totals, credit + reissue. */
export function OperatorBillingPage() {
  const { t, i18n } = useTranslation('billing');
  usePageTitle(t('operator.title'));
  const locale = localeOf(i18n.resolvedLanguage);
  const [month, setMonth] = useState(previousMonth);
  const [crediting, setCrediting] = useState<Invoice | null>(null);
  const [reason, setReason] = useState('');
  const valid = /^\d{4}-\d{2}$/.test(month);

  const run = useApiMutation<{ month: string; invoices: unknown[] }, { month: string }>(
    'post',
    '/api/operator/billing-runs',
    { invalidates: ['/api/operator/invoices', '/api/operator/billing-runs'] },
  );
  const runs = useApiQuery<{ items: BillingRunDto[] }>(`/api/operator/billing-runs?month=${month}`, {
    enabled: valid && run.isPending,
    refetchInterval: run.isPending ? 500 : false,
  });
  const invoices = useApiQuery<OperatorInvoiceList>(`/api/operator/invoices?month=${month}`, {
    enabled: valid,
  });
  const credit = useApiMutation<{ creditNote: Brief; invoice: Brief }, { id: string; reason: string }>(
    'post',
    (v) => `/api/operator/invoices/${v.id}/credit`,
    { invalidates: ['/api/operator/invoices'], onSuccess: () => setCrediting(null) },
  );
  const running = runs.data?.items.find((r) => r.status === 'running');

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('operator.title')}
      </Heading>
      <section aria-labelledby="billing-run">
        <Heading level={2} data-size="sm" id="billing-run">
          {t('operator.runHeading')}
        </Heading>
        <form
          className="operator-actions"
          onSubmit={(e) => {
            e.preventDefault();
            run.mutate({ month });
          }}
        >
          <Textfield
            label={t('month')}
            description={t('operator.monthHelp')}
            type="month"
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            required
          />
          <Button type="submit" loading={run.isPending} disabled={!valid}>
            {t('operator.run')}
          </Button>
        </form>
        <div aria-live="polite">
          {run.isPending && (
            <Paragraph>
              {running
                ? t('operator.progress', { done: running.companiesDone, total: running.companiesTotal })
                : t('operator.starting')}
            </Paragraph>
          )}
          {run.data && !run.isPending && (
            <Paragraph>
              {t('operator.done', { count: run.data.invoices.length, month: run.data.month })}
            </Paragraph>
          )}
        </div>
        <ErrorMessage error={run.error} />
      </section>

      <section aria-labelledby="billing-invoices">
        <Heading level={2} data-size="sm" id="billing-invoices">
          {t('operator.invoicesHeading', { month })}
        </Heading>
        <ErrorMessage error={invoices.error ?? credit.error} />
        {credit.data && (
          <Paragraph role="status">
            {credit.data.creditNote &&
              t('operator.creditDone', { creditNote: credit.data.creditNote.number })}{' '}
            {credit.data.invoice
              ? t('operator.reissued', { number: credit.data.invoice.number })
              : t('operator.notReissued')}
          </Paragraph>
        )}
        {crediting && (
          <form
            className="operator-stack"
            aria-labelledby="credit-heading"
            onSubmit={(e) => {
              e.preventDefault();
              credit.mutate({ id: crediting.id, reason });
            }}
          >
            <Heading level={3} data-size="xs" id="credit-heading">
              {t('operator.creditHeading', { number: crediting.number, company: crediting.companyName })}
            </Heading>
            <Paragraph>{t('operator.creditHelp')}</Paragraph>
            <Textarea
              aria-label={t('operator.reason')}
              placeholder={t('operator.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              maxLength={500}
            />
            <div className="operator-actions">
              <Button type="submit" loading={credit.isPending} disabled={!reason.trim()}>
                {t('operator.confirmCredit')}
              </Button>
              <Button type="button" variant="secondary" onClick={() => setCrediting(null)}>
                {t('operator.cancel')}
              </Button>
            </div>
          </form>
        )}
        {!valid ? null : !invoices.data ? (
          <Loading />
        ) : invoices.data.items.length === 0 ? (
          <Paragraph>{t('operator.none')}</Paragraph>
        ) : (
          <div className="operator-table-wrap">
            <Table data-size="sm" zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('columns.number')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('columns.company')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('columns.kind')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('columns.issueDate')}</Table.HeaderCell>
                  <Table.HeaderCell className="operator-number">{t('columns.net')}</Table.HeaderCell>
                  <Table.HeaderCell className="operator-number">{t('columns.vat')}</Table.HeaderCell>
                  <Table.HeaderCell className="operator-number">{t('columns.rounding')}</Table.HeaderCell>
                  <Table.HeaderCell className="operator-number">{t('columns.total')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('columns.files')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('columns.actions')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {invoices.data.items.map((i) => {
                  const sign = i.kind === 'credit_note' ? -1 : 1;
                  return (
                    <Table.Row key={i.id}>
                      <Table.Cell>{i.number}</Table.Cell>
                      <Table.Cell>
                        {i.companyName} <span>({formatOrgNumber(i.orgNumber ?? '')})</span>
                      </Table.Cell>
                      <Table.Cell>
                        {t(`kinds.${i.kind}`)}{' '}
                        {i.creditedAt && <Tag data-color="warning">{t('credited')}</Tag>}
                      </Table.Cell>
                      <Table.Cell>{formatDate(i.issueDate, locale)}</Table.Cell>
                      <Table.Cell className="operator-number">
                        <Money ore={sign * i.netOre} />
                      </Table.Cell>
                      <Table.Cell className="operator-number">
                        <Money ore={sign * i.vatOre} />
                      </Table.Cell>
                      <Table.Cell className="operator-number">
                        <Money ore={sign * i.roundingOre} />
                      </Table.Cell>
                      <Table.Cell className="operator-number">
                        <Money ore={sign * i.totalOre} />
                      </Table.Cell>
                      <Table.Cell>
                        {(['pdf', 'ehf', 'csv'] as const).map((format) => (
                          <span key={format}>
                            <Link href={`/api/operator/invoices/${i.id}/${format}`} download>
                              {format.toUpperCase()}
                              <span className="ds-sr-only">
                                {' '}
                                {t(`kinds.${i.kind}`)} {i.number}
                              </span>
                            </Link>{' '}
                          </span>
                        ))}
                      </Table.Cell>
                      <Table.Cell>
                        {i.kind === 'invoice' && !i.creditedAt && (
                          <Button
                            data-size="sm"
                            variant="secondary"
                            onClick={() => {
                              setReason('');
                              setCrediting(i);
                            }}
                          >
                            {t('operator.credit')} <span className="ds-sr-only">{i.number}</span>
                          </Button>
                        )}
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
              <Table.Foot>
                <Table.Row>
                  <Table.HeaderCell colSpan={4}>{t('operator.totals')}</Table.HeaderCell>
                  <Table.Cell className="operator-number">
                    <Money ore={invoices.data.totals.netOre} />
                  </Table.Cell>
                  <Table.Cell className="operator-number">
                    <Money ore={invoices.data.totals.vatOre} />
                  </Table.Cell>
                  <Table.Cell className="operator-number">
                    <Money ore={invoices.data.totals.roundingOre} />
                  </Table.Cell>
                  <Table.Cell className="operator-number">
                    <Money ore={invoices.data.totals.totalOre} />
                  </Table.Cell>
                  <Table.Cell colSpan={2} />
                </Table.Row>
              </Table.Foot>
            </Table>
          </div>
        )}
      </section>
    </>
  );
}
