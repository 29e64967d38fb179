import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Money } from '../../ui/Money';
import type { OrderPage } from './types';

type Props = { page: OrderPage; zoneCount: number; categoryId: string };

/** The monthly price of the current choice, the employer's share and the employee's deduction (live). */
export function PriceSummary({ page, zoneCount, categoryId }: Props) {
  const { t } = useTranslation('order');
  const priced = Math.min(zoneCount, page.maxPricedZones);
  const price = page.prices.find((p) => p.categoryId === categoryId && p.zoneCount === priced);
  return (
    <section className="order-price" aria-labelledby="order-price-title">
      <Heading level={2} data-size="xs" id="order-price-title">
        {t('form.priceTitle')}
      </Heading>
      <div aria-live="polite">
        {!price ? (
          <Paragraph data-size="sm">{t('form.priceChoose')}</Paragraph>
        ) : (
          <dl className="order-facts">
            <dt>{t('form.price')}</dt>
            <dd>
              <Money ore={price.monthlyPriceOre} />
            </dd>
            <dt>{t('form.companyShare')}</dt>
            <dd>
              <Money ore={price.companyShareOre} />
            </dd>
            <dt>{t('form.deduction')}</dt>
            <dd>
              <strong>
                <Money ore={price.deductionOre} />
              </strong>
            </dd>
          </dl>
        )}
      </div>
    </section>
  );
}
