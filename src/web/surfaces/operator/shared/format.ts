import { formatMoney } from '../../../ui/format';

/** "jan. 2027" / "Jan 2027" for a month 'YYYY-MM'. */
export function formatMonth(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)),
  );
}

/** "15.1." for a date 'YYYY-MM-DD' (short axis labels). */
export function formatDayShort(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${d}.${m}.`;
}

export function money(ore: number, locale: string): string {
  return formatMoney(ore, locale);
}
