import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { statusAt } from '../../../domain/ticket';
import { formatDate, formatDateTime, localeOf } from '../../ui/format';
import { LiveCheck } from './LiveCheck';
import { QrCode } from './QrCode';
import type { Ticket } from './types';
import { useTicketCode } from './useTicketCode';

export function ticketStatusAt(ticket: Ticket, now: Date) {
  return statusAt(
    { validFrom: new Date(ticket.validFrom), validTo: ticket.validTo ? new Date(ticket.validTo) : null },
    now,
  );
}

/** The tag of a ticket: a valid one bound to another device is not "Gyldig" here (issue 13, M4). */
export function tagOf(ticket: Ticket, status: ReturnType<typeof ticketStatusAt>) {
  if (status === 'valid' && ticket.device === 'other')
    return { color: 'warning', label: 'tag.other' } as const;
  const color = status === 'valid' ? 'success' : status === 'upcoming' ? 'info' : 'neutral';
  return { color, label: `tag.${status}` } as const;
}

export function validityText(t: TFunction<'wallet'>, ticket: Ticket, locale: string): string {
  const from = formatDate(ticket.startDate, locale);
  return ticket.endDate
    ? t('details.validRange', { from, to: formatDate(ticket.endDate, locale) })
    : t('details.validOpen', { from });
}

/**
 * One ticket: "starts …" before the start date, the live ticket from 00:00 Oslo, then ended.
 * The live ticket shows its QR code first (above the fold on a 320–390 px phone), signed anew
 * every few seconds by this device. A valid ticket bound to another device is never "Gyldig"
 * here: it says the ticket is on another device, or has been moved there (issue 13, M4).
 */
export function TicketView({
  ticket,
  now,
  movedAway = false,
}: {
  ticket: Ticket;
  now: Date;
  movedAway?: boolean;
}) {
  const { t, i18n } = useTranslation('wallet');
  const locale = localeOf(i18n.resolvedLanguage);
  const status = ticketStatusAt(ticket, now);
  const code = useTicketCode(ticket, now);
  const start = formatDate(ticket.startDate, locale);
  const category = i18n.resolvedLanguage === 'en' ? ticket.category.nameEn : ticket.category.name;
  const holder = `${ticket.holder.firstName} ${ticket.holder.lastName}`;
  const validity = validityText(t, ticket, locale);
  const live = status === 'valid' && ticket.device === 'this';
  const elsewhere = status === 'valid' && ticket.device === 'other';
  const heading =
    status === 'upcoming'
      ? t('status.upcoming', { date: start })
      : elsewhere
        ? t(movedAway ? 'status.moved' : 'status.other')
        : t(`status.${status}`);
  return (
    <article className="wallet-ticket" aria-labelledby="ticket-status">
      <Heading level={1} data-size="md" id="ticket-status">
        {heading}
      </Heading>
      {live &&
        (code ? (
          <QrCode value={code} label={t('qr.label', { name: holder })} />
        ) : (
          <Paragraph>{t('qr.missing')}</Paragraph>
        ))}
      <p className="wallet-holder">{holder}</p>
      <div className="wallet-actions">
        <Tag data-color={tagOf(ticket, status).color}>{t(tagOf(ticket, status).label)}</Tag>
        {/* The number is for an inspector's lookup: only the device that holds the ticket shows it
            (another browser with the link must not look like a ticket to check, hostile check M2). */}
        {!elsewhere && (
          <p className="wallet-number">
            <span className="ds-sr-only">{t('details.number')} </span>
            <span data-testid="ticket-number">{ticket.ticketNumber}</span>
          </p>
        )}
      </div>
      {live && <LiveCheck now={now} />}
      <dl className="wallet-details">
        <dt>{t('details.zones')}</dt>
        <dd>{ticket.zones.map((z) => z.name).join(', ')}</dd>
        <dt>{t('details.category')}</dt>
        <dd>{category}</dd>
        <dt>{t('details.validity')}</dt>
        <dd>{validity}</dd>
        <dt>{t('details.company')}</dt>
        <dd>{ticket.companyName}</dd>
      </dl>
      {elsewhere && movedAway && <Paragraph>{t('movedHelp')}</Paragraph>}
      {status === 'upcoming' && <Paragraph>{t('upcomingHelp')}</Paragraph>}
      {status === 'ended' && (
        <Paragraph>
          {t('endedHelp', { at: ticket.validTo ? formatDateTime(ticket.validTo, locale) : '' })}
        </Paragraph>
      )}
      {live && code && <Paragraph data-size="sm">{t('qr.help')}</Paragraph>}
    </article>
  );
}
