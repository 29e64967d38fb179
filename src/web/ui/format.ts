/** Format integer øre as money: nb "1 234,50 kr", en "NOK 1,234.50". */
export function formatMoney(ore: number, locale: string): string {
  const english = locale.startsWith('en');
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'NOK',
    currencyDisplay: english ? 'code' : 'symbol',
  }).format(ore / 100);
}

/** Format a calendar date 'YYYY-MM-DD': nb "1. mars 2027", en "1 March 2027". */
export function formatDate(isoDate: string, locale: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Format an ISO timestamp as date and time in Norway's time zone. */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'Europe/Oslo',
  }).format(date);
}

/** The Intl locale for an app language ('nb' | 'en'). */
export function localeOf(language: string | undefined): string {
  return language === 'en' ? 'en-GB' : 'nb-NO';
}
