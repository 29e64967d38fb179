import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../query';
import { formatDate, localeOf } from '../../ui/format';
import { Money } from '../../ui/Money';
import type { Catalog, Subscription } from './types';

/**
 * What a subscription is and costs the employee (issue 15 item 4): zones, category, start (and
 * end) date, the monthly price, the employer's share and the own salary deduction. Used on
 * "Dine abonnement" and as the order confirmation's summary.
 */
export function SubscriptionFacts({ subscription: s }: { subscription: Subscription }) {
  const { t, i18n } = useTranslation('order');
  const english = i18n.resolvedLanguage === 'en';
  const locale = localeOf(i18n.resolvedLanguage);
  const catalog = useApiQuery<Catalog>('/api/catalog', { staleTime: 5 * 60_000 }).data;
  const zoneNames = s.zoneIds.map((id) => catalog?.zones.find((z) => z.id === id)?.name ?? id).join(', ');
  const category = catalog?.categories.find((c) => c.id === s.categoryId);
  const categoryName = category ? (english ? category.nameEn : category.name) : s.categoryId;
  return (
    <dl className="order-facts">
      <dt>{t('mine.zones')}</dt>
      <dd>{zoneNames}</dd>
      <dt>{t('mine.category')}</dt>
      <dd>{categoryName}</dd>
      <dt>{t('form.startDate')}</dt>
      <dd>{formatDate(s.startDate, locale)}</dd>
      {s.endDate && (
        <>
          <dt>{t('mine.lastDay')}</dt>
          <dd>{formatDate(s.endDate, locale)}</dd>
        </>
      )}
      {s.monthlyPriceOre !== null && (
        <>
          <dt>{t('form.price')}</dt>
          <dd>
            <Money ore={s.monthlyPriceOre} />
          </dd>
        </>
      )}
      {s.companyShareOre !== null && (
        <>
          <dt>{t('form.companyShare')}</dt>
          <dd>
            <Money ore={s.companyShareOre} />
          </dd>
        </>
      )}
      {s.deductionOre !== null && (
        <>
          <dt>{t('form.deduction')}</dt>
          <dd>
            <strong>
              <Money ore={s.deductionOre} />
            </strong>
          </dd>
        </>
      )}
    </dl>
  );
}
