import { useNavigate } from 'react-router';
import { LoginLinkRequestPage, LoginLinkSignInPage } from '../../../ui/LoginLinkPages';
import { type OperatorUser, useSessionChanged } from '../shared/session';

/** /operator/innloggingslenke: ask for a sign-in link by email. */
export function LoginLinkRequest() {
  return (
    <LoginLinkRequestPage
      loginPath="/operator/logg-inn"
      className="operator-narrow"
      formClassName="operator-form"
    />
  );
}

/** /operator/innloggingslenke/:token: the emailed link signs in with one click. */
export function LoginLinkPage() {
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  return (
    <LoginLinkSignInPage<OperatorUser>
      requestPath="/operator/innloggingslenke"
      className="operator-narrow"
      onSignedIn={async (user) => {
        await sessionChanged();
        navigate(user.role === 'operator' ? '/operator' : '/bedrift', { replace: true });
      }}
    />
  );
}
