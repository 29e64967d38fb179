import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, localeOf } from '../../ui/format';
import type { CheckResult } from './check';
import type { InspectionData } from './keys';

/** "for 5 minutes" style age of a cached thing, in the page's language. */
export function ageText(from: string, now: Date, locale: string): string {
  const minutes = Math.max(0, Math.round((now.getTime() - Date.parse(from)) / 60_000));
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  return hours < 48 ? format.format(-hours, 'hour') : format.format(-Math.round(hours / 24), 'day');
}

/**
 * One verdict, full screen (issue 13): green or red, the reason in words, then who, where, which
 * category and when the ticket is valid, and how old this device's keys and revocation list are.
 */
export function ResultPanel({
  result,
  data,
  now,
  onClose,
}: {
  result: CheckResult;
  data: InspectionData;
  now: Date;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('inspect');
  const locale = localeOf(i18n.resolvedLanguage);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  const category = result.categoryId ? data.categories[result.categoryId] : undefined;
  // Offline with a list too old to tell revoked tickets: neither valid nor invalid (issue 13, M1).
  const undecided = result.reason === 'status_list_expired';
  const kind = result.valid ? 'valid' : undecided ? 'undecided' : 'invalid';
  return (
    <div
      className={`inspect-verdict inspect-verdict-${kind}`}
      role="dialog"
      aria-modal="true"
      aria-labelledby="verdict-title"
      data-testid="verdict"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <Heading level={2} data-size="xl" id="verdict-title">
        {t(`result.${kind}`)}
      </Heading>
      {result.reason && <Paragraph data-size="lg">{t(`reason.${result.reason}`)}</Paragraph>}
      {result.holder && (
        <dl className="inspect-details">
          <dt>{t('result.holder')}</dt>
          <dd className="inspect-holder">
            {result.holder.firstName} {result.holder.lastName}
          </dd>
          <dt>{t('result.zones')}</dt>
          <dd>{result.zoneIds.map((id) => data.zones[id] ?? id).join(', ')}</dd>
          <dt>{t('result.category')}</dt>
          <dd>
            {category
              ? i18n.resolvedLanguage === 'en'
                ? category.nameEn
                : category.name
              : result.categoryId}
          </dd>
          <dt>{t('result.period')}</dt>
          <dd>
            {result.validFrom && result.validTo
              ? `${formatDateTime(result.validFrom, locale)} – ${formatDateTime(result.validTo, locale)}`
              : ''}
          </dd>
          {result.ticketNumber && (
            <>
              <dt>{t('result.number')}</dt>
              <dd>{result.ticketNumber}</dd>
            </>
          )}
        </dl>
      )}
      <Paragraph data-size="sm">
        {result.online
          ? t('result.online')
          : t('result.offline', {
              keys: ageText(data.fetchedAt, now, locale),
              list: ageText(data.statusListIssuedAt, now, locale),
            })}
      </Paragraph>
      <Button ref={close} onClick={onClose} data-color="neutral">
        {t('result.next')}
      </Button>
    </div>
  );
}
