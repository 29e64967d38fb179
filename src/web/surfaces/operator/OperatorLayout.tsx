import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useNavigate } from 'react-router';
import { api } from '../../api';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { SignedInFrame } from '../../ui/SignedInFrame';
import { useMe, useSessionChanged } from './shared/session';

const NAV = [
  ['', 'overview'],
  ['bedrifter', 'companies'],
  ['takster', 'catalog'],
  ['meldinger', 'messages'],
  ['fakturering', 'billing'],
  ['billetter', 'tickets'],
  ['ansatte', 'staff'],
  ['sikkerhet', 'security'],
] as const;

/** The logged-in back office: navigation, who is logged in, log out; visitors go to the login page. */
export function OperatorLayout() {
  const { t } = useTranslation('operator');
  const me = useMe();
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  if (me.isPending) return <Loading />;
  if (me.error?.status === 401) return <Navigate to="/operator/logg-inn" replace />;
  if (me.error) return <ErrorMessage error={me.error} />;
  const user = me.data.user;
  // Inspectors use ticket inspection only (issue 13): the back office sends them there.
  if (user.role === 'operator' && user.operatorRole === 'inspector')
    return <Navigate to="/kontroll" replace />;
  const logOut = async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    await sessionChanged();
    navigate('/operator/logg-inn', { replace: true });
  };
  return (
    <SignedInFrame
      rootClassName="operator-office"
      prefix="operator"
      status={
        <>
          {t('layout.office')} · {t('layout.loggedInAs', { name: user.name || user.email })}{' '}
          {user.operatorRole === 'read_only' && <Tag data-color="warning">{t('layout.readOnly')}</Tag>}
        </>
      }
      logOutLabel={t('layout.logOut')}
      onLogOut={() => void logOut()}
      wrongRole={user.role !== 'operator' ? t('layout.notOperator') : null}
      navLabel={t('layout.navLabel')}
      nav={NAV.map(([path, key]) => ({ to: `/operator/${path}`, label: t(`nav.${key}`), end: path === '' }))}
    >
      <Outlet />
    </SignedInFrame>
  );
}
