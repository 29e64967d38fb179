import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation } from 'react-router';
import { useApiQuery } from '../../../query';
import { AppLink } from '../../../ui/AppLink';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { formatDate, formatMoney, localeOf } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';
import { Money } from '../../../ui/Money';
import { SuccessMessage } from '../../../ui/SuccessMessage';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useCanChange } from '../shared/useMe';
import { PendingOrders } from '../subscriptions/PendingOrders';
import type { Dashboard, Settings } from '../types';

const SHOWN = ['pending', 'approved', 'active', 'ended'] as const;

/** Oversikt: counts and this month's cost at a glance, pending orders first. */
export function DashboardPage() {
  const { t, i18n } = useTranslation('company');
  usePageTitle(t('dashboard.title'));
  const canChange = useCanChange();
  const welcome = (useLocation().state as { welcome?: boolean } | null)?.welcome;
  const dashboard = useApiQuery<Dashboard>('/api/company/dashboard');
  const settings = useApiQuery<Settings>('/api/company/settings');
  const monthLabel = dashboard.data
    ? new Intl.DateTimeFormat(localeOf(i18n.resolvedLanguage), {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(`${dashboard.data.month}-01T00:00:00Z`))
    : '';
  return (
    <>
      <Heading level={1} data-size="lg">
        {settings.data?.company?.name ?? t('dashboard.title')}
      </Heading>
      {welcome && (
        <SuccessMessage>
          <Heading level={2} data-size="xs">
            {t('dashboard.welcomeTitle')}
          </Heading>
          <Paragraph>{t('dashboard.welcome')}</Paragraph>
        </SuccessMessage>
      )}
      {canChange && <PendingOrders />}
      {dashboard.data && dashboard.data.openConsents.length > 0 && (
        <OpenConsents items={dashboard.data.openConsents} />
      )}
      <section aria-labelledby="figures-heading" className="company-stack">
        <Heading level={2} data-size="sm" id="figures-heading">
          {t('dashboard.figures', { month: monthLabel })}
        </Heading>
        <ErrorMessage error={dashboard.error} />
        {dashboard.isPending ? (
          <Loading />
        ) : (
          dashboard.data && (
            <dl className="company-figures">
              {SHOWN.map((status) => (
                <div key={status}>
                  <dt>{t(`dashboard.count.${status}`)}</dt>
                  <dd>{dashboard.data.counts[status] ?? 0}</dd>
                </div>
              ))}
              <div>
                <dt>{t('dashboard.monthlyCost')}</dt>
                <dd>
                  <Money ore={dashboard.data.monthlyCost.priceOre} />
                </dd>
              </div>
              <div>
                <dt>{t('dashboard.companyShare')}</dt>
                <dd>
                  <Money ore={dashboard.data.monthlyCost.companyShareOre} />
                </dd>
              </div>
              <div>
                <dt>{t('dashboard.deduction')}</dt>
                <dd>
                  <Money ore={dashboard.data.monthlyCost.deductionOre} />
                </dd>
              </div>
            </dl>
          )
        )}
      </section>
      <div className="company-buttons">
        <Button asChild>
          <RouterLink to="/bedrift/nytt-abonnement">{t('nav.newSubscription')}</RouterLink>
        </Button>
        <Button asChild variant="secondary">
          <RouterLink to="/bedrift/abonnementer">{t('dashboard.allSubscriptions')}</RouterLink>
        </Button>
      </div>
    </>
  );
}

/** Issue 15: raised deductions the employees have not yet agreed to ("samtykke mangler"). */
function OpenConsents({ items }: { items: Dashboard['openConsents'] }) {
  const { t, i18n } = useTranslation('company');
  const locale = localeOf(i18n.resolvedLanguage);
  return (
    <section aria-labelledby="consents-heading" className="company-stack">
      <Heading level={2} data-size="sm" id="consents-heading">
        {t('dashboard.openConsents', { count: items.length })}
      </Heading>
      <Paragraph data-size="sm">{t('dashboard.openConsentsHelp')}</Paragraph>
      <ul>
        {items.map((c) => (
          <li key={c.subscriptionId}>
            <AppLink to={`/bedrift/abonnementer/${c.subscriptionId}`}>{c.name}</AppLink>
            {': '}
            {t('dashboard.consentAmounts', {
              consented: formatMoney(c.consentedDeductionOre, locale),
              requested: formatMoney(c.deductionOre, locale),
              date: formatDate(c.effectiveFrom, locale),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
