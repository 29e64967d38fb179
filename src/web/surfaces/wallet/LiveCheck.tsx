import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../ui/format';

const osloDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' });

/** A colour that changes every day (Oslo), so a screenshot from another day stands out. */
export function hueOfDay(now: Date): number {
  const day = osloDay.format(now);
  let hash = 0;
  for (const char of day) hash = (hash * 31 + char.charCodeAt(0)) % 3600;
  return (hash * 7) % 360;
}

/**
 * The moving visual check of a live ticket: a band in the colour of the day that keeps moving
 * (still under prefers-reduced-motion) and the current time with seconds ticking.
 */
export function LiveCheck({ now }: { now: Date }) {
  const { t, i18n } = useTranslation('wallet');
  const locale = localeOf(i18n.resolvedLanguage);
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/Oslo',
  }).format(now);
  const date = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'Europe/Oslo',
  }).format(now);
  const style = { '--wallet-hue': hueOfDay(now) } as CSSProperties;
  return (
    <div className="wallet-live" style={style}>
      <div className="wallet-band" aria-hidden="true" data-testid="live-band" />
      <p className="wallet-clock">
        <span role="timer" aria-label={t('live.timeLabel')} data-testid="live-clock">
          {time}
        </span>
        <span className="wallet-date">{date}</span>
      </p>
    </div>
  );
}
