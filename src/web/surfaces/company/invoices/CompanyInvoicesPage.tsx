import { Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { CompanyInvoiceList } from '../../../../app/billing/list-invoices';
import { useApiQuery } from '../../../query';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { formatDate, localeOf } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';
import { Money } from '../../../ui/Money';
import { usePageTitle } from '../../../ui/usePageTitle';

const FORMATS = [
  ['pdf', 'PDF'],
  ['ehf', 'EHF'],
  ['csv', 'CSV'],
] as const;

/** Fakturaer: the company's invoices and credit notes, each as PDF, EHF and CSV. */
export function CompanyInvoicesPage() {
  const { t, i18n } = useTranslation('billing');
  usePageTitle(t('company.title'));
  const locale = localeOf(i18n.resolvedLanguage);
  const list = useApiQuery<CompanyInvoiceList>('/api/company/invoices');
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('company.title')}
      </Heading>
      <Paragraph>{t('company.intro')}</Paragraph>
      <ErrorMessage error={list.error} />
      {!list.data ? (
        !list.error && <Loading />
      ) : list.data.items.length === 0 ? (
        <Paragraph>{t('company.none')}</Paragraph>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <Table data-size="sm" zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('columns.number')}</Table.HeaderCell>
                <Table.HeaderCell>{t('columns.month')}</Table.HeaderCell>
                <Table.HeaderCell>{t('columns.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('columns.dueDate')}</Table.HeaderCell>
                <Table.HeaderCell>{t('columns.kid')}</Table.HeaderCell>
                <Table.HeaderCell>{t('columns.vat')}</Table.HeaderCell>
                <Table.HeaderCell>{t('columns.total')}</Table.HeaderCell>
                <Table.HeaderCell>{t('columns.files')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.items.map((i) => {
                const sign = i.kind === 'credit_note' ? -1 : 1;
                const kind = t(`kinds.${i.kind}`);
                return (
                  <Table.Row key={i.id}>
                    <Table.Cell>{i.number}</Table.Cell>
                    <Table.Cell>{i.month}</Table.Cell>
                    <Table.Cell>
                      {kind} {i.creditedAt && <Tag data-color="warning">{t('credited')}</Tag>}
                    </Table.Cell>
                    <Table.Cell>{i.kind === 'invoice' ? formatDate(i.dueDate, locale) : '–'}</Table.Cell>
                    <Table.Cell>{i.kind === 'invoice' ? i.kid : '–'}</Table.Cell>
                    <Table.Cell>
                      <Money ore={sign * i.vatOre} />
                    </Table.Cell>
                    <Table.Cell>
                      <Money ore={sign * i.totalOre} />
                    </Table.Cell>
                    <Table.Cell>
                      {FORMATS.map(([format, label]) => (
                        <span key={format}>
                          <Link
                            href={`/api/company/invoices/${i.id}/${format}`}
                            download
                            aria-label={t('download', {
                              format: label,
                              kind: kind.toLowerCase(),
                              number: i.number,
                            })}
                          >
                            {label}
                          </Link>{' '}
                        </span>
                      ))}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      )}
    </>
  );
}
