import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useApiQuery } from '../../query';
import { AppLink } from '../../ui/AppLink';
import { formatDate, localeOf } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { SubscriptionFacts } from './SubscriptionFacts';
import type { Subscription } from './types';
import { useOrderToken } from './useOrderPage';

/** After "Bestill": what happens next, by approval mode. */
export function ConfirmationPage() {
  const { t, i18n } = useTranslation('order');
  usePageTitle(t('done.title'));
  const token = useOrderToken();
  const { subscriptionId } = useParams();
  const list = useApiQuery<{ items: Subscription[] }>('/api/me/subscriptions');
  const s = list.data?.items.find((x) => x.id === subscriptionId);
  if (list.isPending) return <Loading />;
  const date = s ? formatDate(s.startDate, localeOf(i18n.resolvedLanguage)) : '';
  return (
    <div className="order-page">
      <Heading level={1} data-size="lg">
        {t('done.title')}
      </Heading>
      {s && (
        <Alert data-color={s.status === 'pending' ? 'info' : 'success'}>
          <Paragraph>{s.status === 'pending' ? t('done.pending') : t('done.approved', { date })}</Paragraph>
        </Alert>
      )}
      {s && (
        <section aria-labelledby="order-summary-title" className="order-price">
          <Heading level={2} data-size="xs" id="order-summary-title">
            {t('done.summaryTitle')}
          </Heading>
          <SubscriptionFacts subscription={s} />
        </section>
      )}
      <Paragraph>
        <AppLink to={`/bestill/${encodeURIComponent(token)}`}>{t('done.back')}</AppLink>
      </Paragraph>
    </div>
  );
}
