import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AppLink } from '../../ui/AppLink';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatDateTime, localeOf } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { useClockSynced, useNow } from './clock';
import { MoveTicket } from './MoveTicket';
import { TicketView } from './TicketView';
import { useTicket } from './useTicket';

/** /billett/:ticketToken — the link from the approval SMS. */
export function TicketPage() {
  const { ticketToken = '' } = useParams();
  const { t, i18n } = useTranslation('wallet');
  const now = useNow();
  const clockReady = useClockSynced();
  const { ticket, notFound, loading, offlineSince, error, movedAway } = useTicket(ticketToken);
  const queryClient = useQueryClient();
  usePageTitle(t('ticketTitle'));

  if (loading || !clockReady) return <Loading />;
  return (
    <>
      {notFound && (
        <>
          <Heading level={1} data-size="lg">
            {t('notFound.title')}
          </Heading>
          <Paragraph>{t('notFound.body')}</Paragraph>
        </>
      )}
      {!ticket && !notFound && (
        <Heading level={1} data-size="lg">
          {t('ticketTitle')}
        </Heading>
      )}
      <ErrorMessage error={error} />
      {offlineSince && (
        <Alert data-color="warning">
          <Paragraph>
            {t('offline', { at: formatDateTime(offlineSince, localeOf(i18n.resolvedLanguage)) })}
          </Paragraph>
        </Alert>
      )}
      {ticket && <TicketView ticket={ticket} now={now} movedAway={movedAway} />}
      {ticket?.device === 'other' && !offlineSince && (
        <MoveTicket
          token={ticketToken}
          ticket={ticket}
          onMoved={(moved) => queryClient.setQueryData(['ticket', ticketToken], moved)}
        />
      )}
      <Paragraph>
        <AppLink to="/billett">{t('allTickets')}</AppLink>
      </Paragraph>
    </>
  );
}
