import { Button, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useApiMutation } from '../query';
import { ErrorMessage } from './ErrorMessage';
import { PasskeySignInButton } from './Passkeys';
import {
  handleSignInAnswer,
  SecondFactorStep,
  type SecondFactorStepName,
  type SignInAnswer,
} from './SecondFactor';

export interface LoggedInUser {
  role: 'operator' | 'company_admin';
}

interface Props<U extends LoggedInUser> {
  labels: { email: string; password: string; submit: string; passkey: string };
  className?: string;
  /** Called after a successful login (the session cookie and CSRF token are new by then). */
  onLoggedIn: (user: U) => void | Promise<void>;
}

/** Email + password login for operator staff and company admins (POST /api/auth/login). */
export function PasswordLoginForm<U extends LoggedInUser>({ labels, className, onLoggedIn }: Props<U>) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<SecondFactorStepName | null>(null);
  const login = useApiMutation<SignInAnswer<U>, { email: string; password: string }>(
    'post',
    '/api/auth/login',
    {
      onSuccess: (answer) => handleSignInAnswer(answer, onLoggedIn, setStep),
    },
  );
  if (step) return <SecondFactorStep<U> step={step} onSignedIn={onLoggedIn} formClassName={className} />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ email: email.trim(), password });
  };
  return (
    <>
      <form onSubmit={submit} className={className}>
        <Textfield
          label={labels.email}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
        />
        <Textfield
          label={labels.password}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <ErrorMessage error={login.error} />
        <div>
          <Button type="submit" loading={login.isPending}>
            {labels.submit}
          </Button>
        </div>
      </form>
      <PasskeySignInButton<U> label={labels.passkey} onSignedIn={onLoggedIn} />
    </>
  );
}
