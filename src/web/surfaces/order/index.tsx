import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { api } from '../../api';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { usePageTitle } from '../../ui/usePageTitle';
import { ConfirmationPage } from './ConfirmationPage';
import { ConsentPage } from './ConsentPage';
import { LoginPage } from './LoginPage';
import { MySubscriptionsPage } from './MySubscriptionsPage';
import { OrderFormPage } from './OrderFormPage';
import './order.css';
import type { ConsentPageDto } from '../../../app/employee/get-consent-page';
import { useApiQuery } from '../../query';
import { useLoginBase, useOrderPage } from './useOrderPage';

/**
 * Mounted by App.tsx at /bestill/:orderToken/*: the employee's order link (mobile first, also
 * inside the company's iframe widget). Unknown link → a clear page; self-service off → a clear
 * message; not logged in → SMS-code login; then "Dine abonnement", the order form and the receipt.
 */
export function OrderRoutes() {
  const { query } = useOrderPage();
  if (query.isPending) return <Loading />;
  if (query.error?.code === 'ORDER_LINK_INVALID') return <Notice kind="invalid" />;
  if (query.error) return <ErrorMessage error={query.error} />;
  const page = query.data;
  if (!page.orderingOpen) return <Notice kind="disabled" company={page.company.name} />;
  if (!page.signedInPhone) return <LoginPage page={page} />;
  return (
    <>
      <RememberLanguage />
      <Routes>
        <Route index element={<MySubscriptionsPage page={page} />} />
        <Route path="ny" element={<OrderFormPage page={page} />} />
        <Route path="bekreftelse/:subscriptionId" element={<ConfirmationPage />} />
        <Route path="samtykke" element={<ConsentPage page={page} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}

/**
 * Mounted by App.tsx at /samtykke/:consentToken/* (issue 15 (b)): the consent link the SMS
 * carries, apart from the order link, so rotating that link or closing self-service does not
 * break it. Not logged in → SMS-code login; then the consent page. A deactivated company → a
 * clear notice that there is nothing to agree to.
 */
export function ConsentRoutes() {
  const { t } = useTranslation('order');
  const path = useLoginBase();
  const query = useApiQuery<ConsentPageDto>(path);
  if (query.isPending) return <Loading />;
  if (query.error?.code === 'CONSENT_LINK_INVALID') return <Notice kind="consentInvalid" />;
  if (query.error?.code === 'CONSENT_COMPANY_INACTIVE') return <Notice kind="consentInactive" />;
  if (query.error) return <ErrorMessage error={query.error} />;
  const page = query.data;
  if (!page.signedInPhone) return <LoginPage page={page} lead={t('consentLogin.lead')} />;
  return (
    <>
      <RememberLanguage />
      <ConsentPage page={page} backLink={false} />
    </>
  );
}

/** Issue 15: the signed-in employee's messages follow the web app's language (also after a switch). */
function RememberLanguage() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'nb';
  useEffect(() => {
    void api.put('/api/me/language', { language }).catch(() => undefined);
  }, [language]);
  return null;
}

function Notice({
  kind,
  company = '',
}: {
  kind: 'invalid' | 'disabled' | 'consentInvalid' | 'consentInactive';
  company?: string;
}) {
  const { t } = useTranslation('order');
  usePageTitle(t(`${kind}.title`));
  return (
    <div className="order-page">
      <Heading level={1} data-size="lg">
        {t(`${kind}.title`)}
      </Heading>
      <Paragraph>{t(`${kind}.body`, { company })}</Paragraph>
    </div>
  );
}
