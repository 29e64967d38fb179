import { Button } from '@digdir/designsystemet-react';
import {
  browserSupportsWebAuthn,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
} from '@simplewebauthn/browser';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, resetCsrfToken } from '../api';
import { ErrorMessage } from './ErrorMessage';

/** A browser that refused or was cancelled: shown as a translated message, not a crash. */
class PasskeyCancelled extends Error {}

/**
 * Signs in with a passkey: the second step of a waiting sign-in, or (no session) the whole login.
 * The browser asks the person to unlock the passkey (user verification).
 */
export function PasskeySignInButton<U>({
  label,
  onSignedIn,
}: {
  label: string;
  onSignedIn: (user: U) => void | Promise<void>;
}) {
  const { t } = useTranslation('common');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!browserSupportsWebAuthn()) return null;
  const run = async () => {
    setPending(true);
    setError(null);
    try {
      const { options } = await api.post<{ options: PublicKeyCredentialRequestOptionsJSON }>(
        '/api/auth/passkeys/authentication-options',
      );
      const response = await startAuthentication({ optionsJSON: options }).catch(() => {
        throw new PasskeyCancelled();
      });
      const answer = await api.post<{ user: U }>('/api/auth/passkeys/authenticate', { response });
      resetCsrfToken();
      await onSignedIn(answer.user);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="passkey-action">
      <Button variant="secondary" onClick={() => void run()} loading={pending}>
        {label}
      </Button>
      {error instanceof PasskeyCancelled ? (
        <p role="alert">{t('passkeys.cancelled')}</p>
      ) : (
        <ErrorMessage error={error} />
      )}
    </div>
  );
}

/**
 * Adds a passkey for the signed-in person (or one whose sign-in requires enrolment). `onAdded`
 * gets the recovery codes (when it is the first second factor) and, after a required enrolment,
 * the signed-in user.
 */
export function AddPasskeyButton<U>({
  onAdded,
}: {
  onAdded: (result: { recoveryCodes: string[]; user?: U }) => void | Promise<void>;
}) {
  const { t } = useTranslation('common');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!browserSupportsWebAuthn()) return null;
  const run = async () => {
    setPending(true);
    setError(null);
    try {
      const { options } = await api.post<{ options: PublicKeyCredentialCreationOptionsJSON }>(
        '/api/auth/passkeys/registration-options',
      );
      const response = await startRegistration({ optionsJSON: options }).catch(() => {
        throw new PasskeyCancelled();
      });
      const result = await api.post<{ recoveryCodes: string[]; user?: U }>('/api/auth/passkeys', {
        response,
      });
      if (result.user) resetCsrfToken();
      await onAdded(result);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="passkey-action">
      <Button variant="secondary" onClick={() => void run()} loading={pending}>
        {t('passkeys.add')}
      </Button>
      {error instanceof PasskeyCancelled ? (
        <p role="alert">{t('passkeys.cancelled')}</p>
      ) : (
        <ErrorMessage error={error} />
      )}
    </div>
  );
}
