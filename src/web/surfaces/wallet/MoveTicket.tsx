import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { dpopHeaders } from './device-key';
import type { Ticket } from './types';
import { ticketCall } from './useTicket';

/**
 * "Billetten er aktivert på en annen enhet" and the move (issue 13): a code by SMS to the
 * holder's phone, then this device's key is bound and the other device gets no more codes.
 */
export function MoveTicket({
  token,
  ticket,
  onMoved,
}: {
  token: string;
  ticket: Ticket;
  onMoved: (t: Ticket) => void;
}) {
  const { t } = useTranslation('wallet');
  const [sent, setSent] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const path = `/api/tickets/${encodeURIComponent(token)}`;

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const requestCode = () =>
    run(async () => {
      await api.post(`${path}/move`, {});
      setSent(true);
    });

  const verify = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const moved = await ticketCall(() =>
        api.postWith<Ticket>(`${path}/move/verify`, { code: code.trim() }, () =>
          dpopHeaders('POST', `${path}/move/verify`),
        ),
      );
      onMoved(moved);
    });
  };

  return (
    <section className="wallet-move" aria-labelledby="move-title">
      <Alert data-color="warning">
        <Heading level={2} data-size="xs" id="move-title">
          {t('move.title')}
        </Heading>
        <Paragraph>{t('move.body', { count: ticket.movesLeft })}</Paragraph>
      </Alert>
      <ErrorMessage error={error} />
      {!sent ? (
        <Button onClick={() => void requestCode()} disabled={busy || ticket.movesLeft === 0}>
          {t('move.start')}
        </Button>
      ) : (
        <form onSubmit={verify} className="wallet-move-form">
          <Paragraph>{t('move.sent')}</Paragraph>
          <Textfield
            label={t('move.codeLabel')}
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            required
          />
          <Button type="submit" disabled={busy}>
            {t('move.confirm')}
          </Button>
        </form>
      )}
    </section>
  );
}
