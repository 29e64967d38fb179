import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatPhone } from '../../../domain/phone-format';
import { api } from '../../api';
import { useApiQuery } from '../../query';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatDate, localeOf } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { SuccessMessage } from '../../ui/SuccessMessage';
import { usePageTitle } from '../../ui/usePageTitle';
import { CancelDialog } from './CancelDialog';
import { CompanyLine } from './CompanyLine';
import { SubscriptionCard } from './SubscriptionCard';
import { dayBefore, isLive } from './subscription-text';
import type { OrderPage, Subscription } from './types';
import { useSessionChanged } from './useOrderPage';

/** "Dine abonnement": each subscription with its status, "Si opp", and "Legg til". */
export function MySubscriptionsPage({ page }: { page: OrderPage }) {
  const { t, i18n } = useTranslation('order');
  usePageTitle(t('mine.title'));
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const list = useApiQuery<{ items: Subscription[] }>('/api/me/subscriptions');
  const consents = useApiQuery<{ items: unknown[] }>('/api/me/consents');
  const [cancelling, setCancelling] = useState<Subscription | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const endOfThisMonth = dayBefore(page.startDate);
  const items = list.data?.items ?? [];
  const hasLive = items.some(isLive);
  const logout = async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    await sessionChanged();
  };
  const cancelled = (s: Subscription) => {
    setCancelling(null);
    const locale = localeOf(i18n.resolvedLanguage);
    setNotice(
      s.status === 'cancelled'
        ? t('cancel.doneCancelled')
        : t('cancel.doneEnds', { date: formatDate(s.endDate ?? '', locale) }),
    );
  };
  const expired = list.error?.status === 401;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the session turns out to be gone
  useEffect(() => {
    if (expired) void sessionChanged();
  }, [expired]);
  return (
    <div className="order-page">
      <CompanyLine name={page.company.name} />
      <Heading level={1} data-size="lg">
        {t('mine.title')}
      </Heading>
      <div className="order-buttons">
        <Paragraph data-size="sm">
          {t('mine.signedInAs', { phone: formatPhone(page.signedInPhone ?? '') })}
        </Paragraph>
        <Button variant="tertiary" data-size="sm" onClick={() => void logout()}>
          {t('mine.logout')}
        </Button>
      </div>
      {(consents.data?.items.length ?? 0) > 0 && (
        <Alert data-color="warning">
          <Paragraph>{t('mine.consentWaiting')}</Paragraph>
          <Paragraph>
            <Link to="samtykke">{t('mine.consentLink')}</Link>
          </Paragraph>
        </Alert>
      )}
      {notice && (
        <SuccessMessage>
          <Paragraph>{notice}</Paragraph>
        </SuccessMessage>
      )}
      {list.isPending ? (
        <Loading />
      ) : (
        <>
          <ErrorMessage error={list.error} />
          {items.length === 0 && !list.error && <Paragraph>{t('mine.empty')}</Paragraph>}
          <ul className="order-list">
            {items.map((s) => (
              <li key={s.id}>
                <SubscriptionCard
                  subscription={s}
                  endOfThisMonth={endOfThisMonth}
                  onCancel={() => setCancelling(s)}
                />
              </li>
            ))}
          </ul>
          {hasLive ? (
            <Paragraph data-size="sm">{t('mine.hasLive')}</Paragraph>
          ) : (
            <div>
              <Button onClick={() => navigate('ny')}>{t('mine.add')}</Button>
            </div>
          )}
        </>
      )}
      {cancelling && (
        <CancelDialog
          subscription={cancelling}
          endOfThisMonth={endOfThisMonth}
          onClose={() => setCancelling(null)}
          onDone={cancelled}
        />
      )}
    </div>
  );
}
