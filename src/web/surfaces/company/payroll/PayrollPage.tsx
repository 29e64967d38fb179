import { Button, Heading, List, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PayrollChangesDto } from '../../../../app/payroll/get-payroll-changes';
import type { PayrollBasis } from '../../../../domain/payroll';
import { formatPhone } from '../../../../domain/phone-format';
import { api, saveFile } from '../../../api';
import { useApiQuery } from '../../../query';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { formatDate, formatDateTime, formatMoney, localeOf } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';
import { Money } from '../../../ui/Money';
import { usePageTitle } from '../../../ui/usePageTitle';

function thisMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

const field = (v: string | number | boolean | undefined) =>
  typeof v === 'boolean' ? (v ? '✓' : '') : (v ?? '');
const AMOUNTS = ['priceOre', 'companyShareOre', 'deductionOre', 'taxableBenefitOre'] as const;

/** Lønnstrekkgrunnlag: a month's basis with totals, provisional/final, CSV/XLSX export and changes. */
export function PayrollPage() {
  const { t, i18n } = useTranslation('billing');
  usePageTitle(t('payroll.title'));
  const locale = localeOf(i18n.resolvedLanguage);
  const client = useQueryClient();
  const [month, setMonth] = useState(thisMonth);
  const valid = /^\d{4}-\d{2}$/.test(month);
  const basis = useApiQuery<PayrollBasis>(`/api/company/payroll?month=${month}`, { enabled: valid });
  const changes = useApiQuery<PayrollChangesDto>(`/api/company/payroll/changes?month=${month}`, {
    enabled: valid,
  });
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  /** Recording an export is a POST (a GET download records nothing); then "changes since" moves. */
  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExporting(format);
    setExportError(null);
    try {
      saveFile(await api.postForFile('/api/company/payroll/exports', { month, format }));
      await client.invalidateQueries({ queryKey: [`/api/company/payroll/changes?month=${month}`] });
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(null);
    }
  };
  const name = (r: { firstName: string; lastName: string }) => `${r.firstName} ${r.lastName}`;
  const b = basis.data;
  const heads = ['price', 'share', 'deduction', 'benefit'] as const;

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('payroll.title')}
      </Heading>
      <Paragraph>{t('payroll.intro')}</Paragraph>
      <Textfield
        label={t('month')}
        type="month"
        value={month}
        onChange={(e) => setMonth(e.target.value)}
        required
      />
      <ErrorMessage error={basis.error ?? changes.error} />
      {valid && !b && !basis.error && <Loading />}
      {b && (
        <section aria-labelledby="payroll-month">
          <Heading level={2} data-size="sm" id="payroll-month">
            {b.month}{' '}
            <Tag data-color={b.final ? 'success' : 'warning'}>
              {b.final ? t('payroll.final') : t('payroll.provisional')}
            </Tag>
          </Heading>
          <Paragraph>{b.final ? t('payroll.statusFinal') : t('payroll.statusProvisional')}</Paragraph>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--ds-size-2)' }}>
            {(['csv', 'xlsx'] as const).map((format) => (
              <Button
                key={format}
                variant="secondary"
                data-size="sm"
                loading={exporting === format}
                disabled={exporting !== null}
                onClick={() => void exportAs(format)}
              >
                {t(format === 'csv' ? 'payroll.exportCsv' : 'payroll.exportXlsx')}
              </Button>
            ))}
          </div>
          <ErrorMessage error={exportError} />
          <Paragraph data-size="sm">{t('payroll.exportHelp')}</Paragraph>
          {b.rows.length === 0 ? (
            <Paragraph>{t('payroll.none')}</Paragraph>
          ) : (
            <div style={{ overflowX: 'auto' }}>
              <Table data-size="sm" zebra>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('payroll.columns.name')}</Table.HeaderCell>
                    {b.fieldColumns.map((f) => (
                      <Table.HeaderCell key={f.key}>{f.label}</Table.HeaderCell>
                    ))}
                    <Table.HeaderCell>{t('payroll.columns.ticket')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('payroll.columns.days')}</Table.HeaderCell>
                    {heads.map((h) => (
                      <Table.HeaderCell key={h}>{t(`payroll.columns.${h}`)}</Table.HeaderCell>
                    ))}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {b.rows.map((r) => (
                    <Table.Row key={r.subscriptionId}>
                      <Table.Cell>
                        {name(r)}
                        <div>{formatPhone(r.phone)}</div>
                        {r.consentMissing && r.consentedDeductionOre !== null && (
                          <div>
                            <Tag data-color="danger">{t('payroll.consentMissing')}</Tag>{' '}
                            {t('payroll.consentedAmount', {
                              amount: formatMoney(r.consentedDeductionOre, locale),
                            })}
                          </div>
                        )}
                      </Table.Cell>
                      {b.fieldColumns.map((f) => (
                        <Table.Cell key={f.key}>{field(r.fields[f.key])}</Table.Cell>
                      ))}
                      <Table.Cell>{r.ticket}</Table.Cell>
                      <Table.Cell>{r.daysValid}</Table.Cell>
                      {AMOUNTS.map((k) => (
                        <Table.Cell key={k}>
                          <Money ore={r[k]} />
                        </Table.Cell>
                      ))}
                    </Table.Row>
                  ))}
                </Table.Body>
                <Table.Foot>
                  <Table.Row>
                    <Table.HeaderCell colSpan={3 + b.fieldColumns.length}>
                      {t('payroll.sum', { count: b.totals.count })}
                    </Table.HeaderCell>
                    {AMOUNTS.map((k) => (
                      <Table.Cell key={k}>
                        <Money ore={b.totals[k]} />
                      </Table.Cell>
                    ))}
                  </Table.Row>
                </Table.Foot>
              </Table>
            </div>
          )}
        </section>
      )}
      {changes.data && (
        <section aria-labelledby="payroll-changes">
          <Heading level={2} data-size="sm" id="payroll-changes">
            {t('payroll.changesHeading')}
          </Heading>
          <Paragraph aria-live="polite">
            {changes.data.since
              ? t('payroll.since', {
                  date: formatDateTime(changes.data.since.createdAt, locale),
                  month: changes.data.since.month,
                  format: changes.data.since.format.toUpperCase(),
                })
              : t('payroll.noExport')}
          </Paragraph>
          {changes.data.started.length + changes.data.ended.length + changes.data.priceChanged.length ===
          0 ? (
            <Paragraph>{t('payroll.noChanges')}</Paragraph>
          ) : (
            <>
              {(['started', 'ended'] as const).map(
                (kind) =>
                  changes.data[kind].length > 0 && (
                    <div key={kind}>
                      <Heading level={3} data-size="xs">
                        {t(`payroll.${kind}`)}
                      </Heading>
                      <List.Unordered>
                        {changes.data[kind].map((r) => (
                          <List.Item key={r.subscriptionId}>
                            {name(r)}
                            {r.endDate &&
                              ` (${t('payroll.endsOn', { date: formatDate(r.endDate, locale) })})`}
                          </List.Item>
                        ))}
                      </List.Unordered>
                    </div>
                  ),
              )}
              {changes.data.priceChanged.length > 0 && (
                <div>
                  <Heading level={3} data-size="xs">
                    {t('payroll.priceChanged')}
                  </Heading>
                  <List.Unordered>
                    {changes.data.priceChanged.map((c) => (
                      <List.Item key={c.after.subscriptionId}>
                        {name(c.after)}:{' '}
                        {t('payroll.fromTo', {
                          before: formatMoney(c.before.deductionOre, locale),
                          after: formatMoney(c.after.deductionOre, locale),
                        })}
                      </List.Item>
                    ))}
                  </List.Unordered>
                </div>
              )}
            </>
          )}
        </section>
      )}
    </>
  );
}
