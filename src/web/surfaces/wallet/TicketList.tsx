import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../ui/AppLink';
import { localeOf } from '../../ui/format';
import { usePageTitle } from '../../ui/usePageTitle';
import { useNow } from './clock';
import { forgetTicket, savedTickets } from './storage';
import { tagOf, ticketStatusAt, validityText } from './TicketView';

/** /billett — the tickets saved on this device. */
export function TicketList() {
  const { t, i18n } = useTranslation('wallet');
  const locale = localeOf(i18n.resolvedLanguage);
  const now = useNow(30_000);
  const [tickets, setTickets] = useState(savedTickets);
  usePageTitle(t('title'));

  function remove(token: string) {
    forgetTicket(token);
    setTickets(savedTickets());
  }

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      {tickets.length === 0 ? (
        <Paragraph>{t('list.empty')}</Paragraph>
      ) : (
        <ul className="wallet-list">
          {tickets.map(({ token, ticket }) => {
            const status = ticketStatusAt(ticket, now);
            const name = `${ticket.holder.firstName} ${ticket.holder.lastName}`;
            return (
              <li key={token}>
                <Card>
                  <Heading level={2} data-size="xs">
                    <AppLink to={`/billett/${token}`}>
                      {t('list.ticketOf', { name, company: ticket.companyName })}
                    </AppLink>
                  </Heading>
                  <Paragraph>
                    {ticket.zones.map((z) => z.name).join(', ')} · {validityText(t, ticket, locale)}
                  </Paragraph>
                  <div className="wallet-actions">
                    <Tag data-color={tagOf(ticket, status).color}>{t(tagOf(ticket, status).label)}</Tag>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      onClick={() => remove(token)}
                      aria-label={t('list.removeFor', { name })}
                    >
                      {t('list.remove')}
                    </Button>
                  </div>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
