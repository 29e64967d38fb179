import { type ComponentType, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { Loading } from '../../ui/Loading';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { PlaceholderPage } from '../../ui/PlaceholderPage';
import { AcceptInvitationPage } from './auth/AcceptInvitationPage';
import { LoginLinkPage, LoginLinkRequest } from './auth/LoginLinkPages';
import { LoginPage } from './auth/LoginPage';
import { CatalogPage } from './catalog/CatalogPage';
import { CompaniesPage } from './companies/CompaniesPage';
import { CompanyDetailPage } from './companies/CompanyDetailPage';
import { RegisterCompanyPage } from './companies/RegisterCompanyPage';
import { MessagesPage } from './messages/MessagesPage';
import { OperatorLayout } from './OperatorLayout';
import { OverviewPage } from './overview/OverviewPage';
import { SecurityPage } from './security/SecurityPage';
import { StaffPage } from './staff/StaffPage';
import { TicketSettingsPage } from './tickets/TicketSettingsPage';
import './operator.css';

// The billing engineer writes ./billing/OperatorBillingPage; until that file exists the page
// says so instead of breaking the build.
const billingModules = import.meta.glob<{ OperatorBillingPage: ComponentType }>(
  './billing/OperatorBillingPage.tsx',
);
const loadBilling = billingModules['./billing/OperatorBillingPage.tsx'];
const OperatorBillingPage = lazy(async () =>
  loadBilling ? { default: (await loadBilling()).OperatorBillingPage } : { default: BillingComing },
);

function BillingComing() {
  const { t } = useTranslation('operator');
  return <PlaceholderPage title={t('nav.billing')} text={t('billingComing')} />;
}

/** Mounted by App.tsx at /operator/*. */
export function OperatorRoutes() {
  return (
    <Routes>
      <Route path="logg-inn" element={<LoginPage />} />
      <Route path="innloggingslenke" element={<LoginLinkRequest />} />
      <Route path="innloggingslenke/:token" element={<LoginLinkPage />} />
      <Route path="invitasjon/:token" element={<AcceptInvitationPage />} />
      <Route element={<OperatorLayout />}>
        <Route index element={<OverviewPage />} />
        <Route path="bedrifter" element={<CompaniesPage />} />
        <Route path="bedrifter/ny" element={<RegisterCompanyPage />} />
        <Route path="bedrifter/:id" element={<CompanyDetailPage />} />
        <Route path="takster" element={<CatalogPage />} />
        <Route path="meldinger" element={<MessagesPage />} />
        <Route
          path="fakturering/*"
          element={
            <Suspense fallback={<Loading />}>
              <OperatorBillingPage />
            </Suspense>
          }
        />
        <Route path="billetter" element={<TicketSettingsPage />} />
        <Route path="ansatte" element={<StaffPage />} />
        <Route path="sikkerhet" element={<SecurityPage />} />
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
