import { Alert, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { DateText } from '../../../../ui/DateText';
import { localeOf } from '../../../../ui/format';
import { Money } from '../../../../ui/Money';

export type CategoryPreview = {
  effective: 'next_month' | 'now';
  categoryId: string;
  oldCancelled: boolean;
  oldEndDate: string | null;
  newStartDate: string;
  months: { month: string; oldPriceOre: number | null; newPriceOre: number | null; totalOre: number }[];
  billedTwiceMonths: string[];
  newMonthly: { priceOre: number; companyShareOre: number; deductionOre: number };
};

/** A month ("2027-03") written out in the reader's language. */
export function MonthName({ month }: { month: string }) {
  const { i18n } = useTranslation();
  const text = new Intl.DateTimeFormat(localeOf(i18n.resolvedLanguage), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
  return <>{text}</>;
}

/** Rule 9's cost effect, from the preview endpoint: dates, month by month, and any double billing. */
export function CostEffect({ preview: p }: { preview: CategoryPreview }) {
  const { t } = useTranslation('company');
  const price = (ore: number | null) => (ore === null ? '–' : <Money ore={ore} />);
  return (
    <section aria-labelledby="cost-effect-heading" className="company-stack">
      <Heading level={3} data-size="xs" id="cost-effect-heading">
        {t('costEffect.title')}
      </Heading>
      <Paragraph>
        {p.oldCancelled || !p.oldEndDate ? (
          t('costEffect.oldCancelled')
        ) : (
          <>
            {t('costEffect.oldEnds')} <DateText date={p.oldEndDate} />.
          </>
        )}{' '}
        {t('costEffect.newStarts')} <DateText date={p.newStartDate} />.
      </Paragraph>
      <Paragraph>
        {t('costEffect.newMonthly')} <Money ore={p.newMonthly.priceOre} /> ({t('price.companyShare')}{' '}
        <Money ore={p.newMonthly.companyShareOre} />, {t('price.deduction')}{' '}
        <Money ore={p.newMonthly.deductionOre} />)
      </Paragraph>
      {p.billedTwiceMonths.length > 0 ? (
        <Alert data-color="warning">
          <Paragraph>
            {t('costEffect.billedTwice')}{' '}
            {p.billedTwiceMonths.map((m, i) => (
              <span key={m}>
                {i > 0 && ', '}
                <MonthName month={m} />
              </span>
            ))}
            .
          </Paragraph>
        </Alert>
      ) : (
        <Paragraph>{t('costEffect.noDouble')}</Paragraph>
      )}
      <Table data-size="sm">
        <caption className="company-visually-hidden">{t('costEffect.title')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('costEffect.month')}</Table.HeaderCell>
            <Table.HeaderCell>{t('costEffect.old')}</Table.HeaderCell>
            <Table.HeaderCell>{t('costEffect.new')}</Table.HeaderCell>
            <Table.HeaderCell>{t('costEffect.total')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {p.months.map((m) => (
            <Table.Row key={m.month}>
              <Table.Cell>
                <MonthName month={m.month} />
              </Table.Cell>
              <Table.Cell>{price(m.oldPriceOre)}</Table.Cell>
              <Table.Cell>{price(m.newPriceOre)}</Table.Cell>
              <Table.Cell>
                <Money ore={m.totalOre} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </section>
  );
}
