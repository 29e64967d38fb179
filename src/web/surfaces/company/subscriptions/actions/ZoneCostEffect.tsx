import { Alert, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { previewZoneChange } from '../../../../../app/subscriptions/preview-zone-change';
import { DateText } from '../../../../ui/DateText';
import { Money } from '../../../../ui/Money';
import { MonthName } from './CostEffect';

/** What `GET …/change-zones/preview` answers (the use case's own return type). */
export type ZonePreview = Awaited<ReturnType<typeof previewZoneChange>>;

/**
 * Issue 16 item 8: the zone change's cost, as the category dialog shows its own: the monthly
 * price, the company's share and the employee's deduction before and after, the months billed,
 * and a warning when the deduction rises (the employee must agree before it is deducted).
 */
export function ZoneCostEffect({ preview: p }: { preview: ZonePreview }) {
  const { t } = useTranslation('company');
  const price = (ore: number | null) => (ore === null ? '–' : <Money ore={ore} />);
  const rows = [
    ['price.monthly', p.before.priceOre, p.after.priceOre],
    ['zoneCost.companyShare', p.before.companyShareOre, p.after.companyShareOre],
    ['zoneCost.deduction', p.before.deductionOre, p.after.deductionOre],
  ] as const;
  return (
    <section aria-labelledby="zone-cost-heading" className="company-stack">
      <Heading level={3} data-size="xs" id="zone-cost-heading">
        {t('costEffect.title')}
      </Heading>
      <Table data-size="sm">
        <caption>
          {t('zoneCost.perMonthFrom')} <DateText date={p.from} />
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>
              <span className="company-visually-hidden">{t('zoneCost.amount')}</span>
            </Table.HeaderCell>
            <Table.HeaderCell>{t('zoneCost.before')}</Table.HeaderCell>
            <Table.HeaderCell>{t('zoneCost.after')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map(([label, before, after]) => (
            <Table.Row key={label}>
              <Table.HeaderCell scope="row">{t(label)}</Table.HeaderCell>
              <Table.Cell>
                <Money ore={before} />
              </Table.Cell>
              <Table.Cell>
                <Money ore={after} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {p.deductionRises ? (
        <Alert data-color="warning">
          <Paragraph>{t('zoneCost.rises')}</Paragraph>
        </Alert>
      ) : null}
      <Table data-size="sm">
        <caption>{t('zoneCost.billed')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('costEffect.month')}</Table.HeaderCell>
            <Table.HeaderCell>{t('zoneCost.before')}</Table.HeaderCell>
            <Table.HeaderCell>{t('zoneCost.after')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {p.months.map((m) => (
            <Table.Row key={m.month}>
              <Table.Cell>
                <MonthName month={m.month} />
              </Table.Cell>
              <Table.Cell>{price(m.beforeOre)}</Table.Cell>
              <Table.Cell>{price(m.afterOre)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </section>
  );
}
