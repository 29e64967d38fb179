import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { AdminsPage } from './admins/AdminsPage';
import { AuditPage } from './audit/AuditPage';
import { AcceptInvitationPage } from './auth/AcceptInvitationPage';
import { ForgotPasswordPage } from './auth/ForgotPasswordPage';
import { LoginLinkPage, LoginLinkRequest } from './auth/LoginLinkPages';
import { LoginPage } from './auth/LoginPage';
import { NewPasswordPage } from './auth/NewPasswordPage';
import { CompanyInvoicesPage, PayrollPage } from './billingPages';
import { CompanyLayout } from './CompanyLayout';
import { DashboardPage } from './dashboard/DashboardPage';
import { DepartmentsPage } from './departments/DepartmentsPage';
import { ImportPage } from './import/ImportPage';
import { MasterDataPage } from './masterdata/MasterDataPage';
import { NewSubscriptionPage } from './new/NewSubscriptionPage';
import { SecurityPage } from './security/SecurityPage';
import { OtherServicesPage } from './services/OtherServicesPage';
import { SettingsPage } from './settings/SettingsPage';
import { SubscriptionPage } from './subscriptions/SubscriptionPage';
import { SubscriptionsPage } from './subscriptions/SubscriptionsPage';

/** Bedriftsportalen, mounted by App.tsx at /bedrift/*. */
export function CompanyRoutes() {
  return (
    <Routes>
      <Route path="logg-inn" element={<LoginPage />} />
      <Route path="glemt-passord" element={<ForgotPasswordPage />} />
      <Route path="innloggingslenke" element={<LoginLinkRequest />} />
      <Route path="innloggingslenke/:token" element={<LoginLinkPage />} />
      <Route path="invitasjon/:token" element={<AcceptInvitationPage />} />
      <Route path="nytt-passord/:token" element={<NewPasswordPage />} />
      <Route element={<CompanyLayout />}>
        <Route index element={<DashboardPage />} />
        <Route path="abonnementer" element={<SubscriptionsPage />} />
        <Route path="abonnementer/:id" element={<SubscriptionPage />} />
        <Route path="nytt-abonnement" element={<NewSubscriptionPage />} />
        <Route path="nytt-abonnement/import" element={<ImportPage />} />
        <Route path="innstillinger" element={<SettingsPage />} />
        <Route path="bedriftsopplysninger" element={<MasterDataPage />} />
        <Route path="avdelinger" element={<DepartmentsPage />} />
        <Route path="andre-tjenester" element={<OtherServicesPage />} />
        <Route path="administratorer" element={<AdminsPage />} />
        <Route path="logg" element={<AuditPage />} />
        <Route path="fakturaer" element={<CompanyInvoicesPage />} />
        <Route path="lonnstrekk" element={<PayrollPage />} />
        <Route path="sikkerhet" element={<SecurityPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
