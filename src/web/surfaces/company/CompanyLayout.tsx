import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../../api';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { SignedInFrame } from '../../ui/SignedInFrame';
import { useSessionChanged } from './auth/useAfterLogin';
import { useMe } from './shared/useMe';
import './company.css';

const NAV = [
  ['', 'overview'],
  ['abonnementer', 'subscriptions'],
  ['nytt-abonnement', 'newSubscription'],
  ['innstillinger', 'settings'],
  ['bedriftsopplysninger', 'masterData'],
  ['avdelinger', 'departments'],
  ['andre-tjenester', 'services'],
  ['administratorer', 'admins'],
  ['logg', 'audit'],
  ['fakturaer', 'invoices'],
  ['lonnstrekk', 'payroll'],
  ['sikkerhet', 'security'],
] as const;
/** What a payroll admin reads (issue 16 item 4). */
const PAYROLL_NAV = new Set(['', 'abonnementer', 'fakturaer', 'lonnstrekk']);
/** What a department admin works with (issue 16 item 4): their departments' subscriptions. */
const DEPARTMENT_NAV = new Set([
  '',
  'abonnementer',
  'nytt-abonnement',
  'fakturaer',
  'lonnstrekk',
  'sikkerhet',
]);

/** The logged-in portal: navigation, the admin's name and log out; sends visitors to the login page. */
export function CompanyLayout() {
  const { t } = useTranslation('company');
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();

  if (me.isPending) return <Loading />;
  if (me.error?.status === 401) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/bedrift/logg-inn?neste=${next}`} replace />;
  }
  if (me.error) return <ErrorMessage error={me.error} />;

  const logOut = async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    await sessionChanged();
    navigate('/bedrift/logg-inn', { replace: true, state: { notice: 'loggedOut' } });
  };
  const user = me.data.user;
  return (
    <SignedInFrame
      rootClassName="company-portal"
      prefix="company"
      status={`${t('layout.portal')} · ${t('layout.loggedInAs', { name: user.name || user.email })}`}
      logOutLabel={t('layout.logOut')}
      onLogOut={() => void logOut()}
      wrongRole={user.role !== 'company_admin' ? t('layout.notCompanyAdmin') : null}
      navLabel={t('layout.navLabel')}
      nav={NAV.filter(
        ([path]) =>
          (user.companyRole !== 'payroll' || PAYROLL_NAV.has(path)) &&
          (user.companyRole !== 'department' || DEPARTMENT_NAV.has(path)),
      ).map(([path, key]) => ({
        to: `/bedrift/${path}`,
        label: t(`nav.${key}`),
        end: path === '',
      }))}
    >
      <div className="company-content">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </div>
    </SignedInFrame>
  );
}
