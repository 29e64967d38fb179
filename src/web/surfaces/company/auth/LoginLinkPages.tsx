import { useNavigate } from 'react-router';
import { LoginLinkRequestPage, LoginLinkSignInPage } from '../../../ui/LoginLinkPages';
import type { User } from '../types';
import { useSessionChanged } from './useAfterLogin';

/** /bedrift/innloggingslenke: ask for a sign-in link by email. */
export function LoginLinkRequest() {
  return (
    <LoginLinkRequestPage
      loginPath="/bedrift/logg-inn"
      className="company-narrow"
      formClassName="company-form"
    />
  );
}

/** /bedrift/innloggingslenke/:token: the emailed link signs in with one click. */
export function LoginLinkPage() {
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  return (
    <LoginLinkSignInPage<User>
      requestPath="/bedrift/innloggingslenke"
      className="company-narrow"
      onSignedIn={async (user) => {
        await sessionChanged();
        navigate(user.role === 'operator' ? '/operator' : '/bedrift', { replace: true });
      }}
    />
  );
}
