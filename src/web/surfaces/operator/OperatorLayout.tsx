import { Alert, Button, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useNavigate } from 'react-router';
import { api } from '../../api';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { useMe, useSessionChanged } from './shared/session';

const NAV = [
  ['', 'overview'],
  ['bedrifter', 'companies'],
  ['takster', 'catalog'],
  ['meldinger', 'messages'],
  ['fakturering', 'billing'],
  ['ansatte', 'staff'],
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
  const logOut = async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    await sessionChanged();
    navigate('/operator/logg-inn', { replace: true });
  };
  return (
    <div className="operator-office">
      <div className="operator-topbar">
        <Paragraph data-size="sm">
          {t('layout.office')} · {t('layout.loggedInAs', { name: user.name || user.email })}{' '}
          {user.operatorRole === 'read_only' && <Tag data-color="warning">{t('layout.readOnly')}</Tag>}
        </Paragraph>
        <Button variant="secondary" data-size="sm" onClick={() => void logOut()}>
          {t('layout.logOut')}
        </Button>
      </div>
      {user.role !== 'operator' ? (
        <Alert data-color="warning">
          <Paragraph>{t('layout.notOperator')}</Paragraph>
        </Alert>
      ) : (
        <>
          <nav aria-label={t('layout.navLabel')} className="operator-nav">
            <ul>
              {NAV.map(([path, key]) => (
                <li key={key}>
                  <Link asChild>
                    <NavLink to={`/operator/${path}`} end={path === ''}>
                      {t(`nav.${key}`)}
                    </NavLink>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <Outlet />
        </>
      )}
    </div>
  );
}
