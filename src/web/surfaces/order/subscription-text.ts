import type { TFunction } from 'i18next';
import { formatDate } from '../../ui/format';
import type { Subscription } from './types';

/** The day before an ISO date ('2027-02-01' → '2027-01-31'). */
export function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export const isLive = (s: Subscription) =>
  s.status === 'pending' || s.status === 'approved' || s.status === 'active';
export const notStarted = (s: Subscription) => s.status === 'pending' || s.status === 'approved';

/** Whether "Si opp" changes anything: live and not already ending by the end of this month. */
export function canCancel(s: Subscription, endOfThisMonth: string): boolean {
  if (notStarted(s)) return true;
  return s.status === 'active' && (s.endDate === null || s.endDate > endOfThisMonth);
}

/** "venter på godkjenning", "godkjent – starter 1. mars 2027", "aktiv – avsluttes 31. mars 2027" … */
export function statusLine(s: Subscription, t: TFunction<'order'>, locale: string): string {
  const date = (d: string) => formatDate(d, locale);
  switch (s.status) {
    case 'pending':
      return `${t('status.pending')} · ${t('status.pendingStart', { date: date(s.startDate) })}`;
    case 'approved':
      return t('status.approved', { date: date(s.startDate) });
    case 'active':
      return s.endDate ? t('status.activeEnding', { date: date(s.endDate) }) : t('status.active');
    case 'ended':
      return s.endDate ? t('status.endedOn', { date: date(s.endDate) }) : t('status.ended');
    case 'rejected':
      return t('status.rejected');
    case 'cancelled':
      return t('status.cancelled');
  }
}
