import { Heading } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../../../domain/phone-format';
import { useApiQuery } from '../../../query';
import { AppLink } from '../../../ui/AppLink';
import { DateText } from '../../../ui/DateText';
import { useCatalog } from '../shared/useCatalog';
import type { Settings, SubscriptionDetail } from '../types';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function SubscriptionFacts({ subscription: s }: { subscription: SubscriptionDetail }) {
  const { t } = useTranslation('company');
  const { zoneNames, categoryName } = useCatalog();
  const settings = useApiQuery<Settings>('/api/company/settings');
  const labelOf = (key: string) => settings.data?.orderForm.fields.find((f) => f.key === key)?.label ?? key;
  const fields = Object.entries(s.fields ?? {});
  return (
    <section aria-labelledby="facts-heading" className="company-stack">
      <Heading level={2} data-size="sm" id="facts-heading">
        {t('subscription.details')}
      </Heading>
      <dl className="company-facts">
        <Fact term={t('columns.phone')}>{formatPhone(s.phone)}</Fact>
        <Fact term={t('category.label')}>{categoryName(s.categoryId)}</Fact>
        <Fact term={t('zones.legend')}>{zoneNames(s.zoneIds)}</Fact>
        {s.upcomingZoneIds && s.upcomingZoneIdsFrom && (
          <Fact term={t('subscription.upcomingZones')}>
            {zoneNames(s.upcomingZoneIds)} ({t('subscription.from')} <DateText date={s.upcomingZoneIdsFrom} />
            )
          </Fact>
        )}
        <Fact term={t('subscription.startDate')}>
          <DateText date={s.startDate} />
        </Fact>
        <Fact term={t('subscription.endDate')}>
          {s.endDate ? <DateText date={s.endDate} /> : t('subscription.openEnded')}
        </Fact>
        {s.rejectionReason && <Fact term={t('subscription.rejectionReason')}>{s.rejectionReason}</Fact>}
        {s.replacesId && (
          <Fact term={t('subscription.replaces')}>
            <AppLink to={`/bedrift/abonnementer/${s.replacesId}`}>{t('subscription.previous')}</AppLink>
          </Fact>
        )}
        {s.replacedById && (
          <Fact term={t('subscription.replacedBy')}>
            <AppLink to={`/bedrift/abonnementer/${s.replacedById}`}>{t('subscription.next')}</AppLink>
          </Fact>
        )}
        {fields.map(([key, value]) => (
          <Fact key={key} term={labelOf(key)}>
            {typeof value === 'boolean' ? (value ? t('yes') : t('no')) : String(value)}
          </Fact>
        ))}
      </dl>
    </section>
  );
}
