import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { useApiQuery } from '../../query';
import { AppLink } from '../../ui/AppLink';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { type CheckResult, checkNumber } from './check';

type Me = {
  user: { role: 'operator' | 'company_admin'; operatorRole?: 'admin' | 'read_only' | 'inspector' };
};

/** Whether the logged-in user may look tickets up by number (an inspector or an operator admin). */
function mayLookUp(me: Me | undefined): boolean {
  const role = me?.user.role === 'operator' ? (me.user.operatorRole ?? 'admin') : null;
  return role === 'admin' || role === 'inspector';
}

/**
 * Inspection by the short ticket number on the wallet (issue 13 item 6): typed by a logged-in
 * inspector, answered by the server (online only) with the same verdict as a scanned code. A
 * wrong check character or a number of the wrong form is told at the field, in words.
 */
export function NumberLookup({ onResult }: { onResult: (result: CheckResult) => void }) {
  const { t } = useTranslation('inspect');
  const me = useApiQuery<Me>('/api/auth/me', { retry: false, staleTime: 60_000 });
  const [number, setNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  if (me.isPending) return null;
  if (!mayLookUp(me.data)) {
    return (
      <section className="inspect-form" aria-labelledby="number-heading">
        <Heading level={2} data-size="sm" id="number-heading">
          {t('number.heading')}
        </Heading>
        <Paragraph data-size="sm">
          {me.data ? t('number.notAllowed') : t('number.logInFirst')}{' '}
          {!me.data && <AppLink to="/operator/logg-inn">{t('number.logIn')}</AppLink>}
        </Paragraph>
      </section>
    );
  }

  // The server names the problem: the last character (the check) or the whole form.
  const problem =
    failure instanceof ApiError && failure.code === 'TICKET_NUMBER_INVALID'
      ? (failure.details as { problem?: string }[] | undefined)?.[0]?.problem === 'ticket_number_check'
        ? t('number.check')
        : t('number.invalid')
      : undefined;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (!number.trim()) return;
    setBusy(true);
    try {
      onResult(await checkNumber(number));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="number-heading">
      <form onSubmit={onSubmit} className="inspect-form" noValidate>
        <Heading level={2} data-size="sm" id="number-heading">
          {t('number.heading')}
        </Heading>
        <Textfield
          label={t('number.label')}
          description={t('number.help')}
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          error={problem}
        />
        <div>
          <Button type="submit" disabled={busy} aria-busy={busy}>
            {t('number.submit')}
          </Button>
        </div>
      </form>
      {failure && !problem ? <ErrorMessage error={failure} /> : null}
    </section>
  );
}
