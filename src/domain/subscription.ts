import {
  compareDates,
  endOfDayOslo,
  endOfMonth,
  firstOfNextMonth,
  type IsoDate,
  isIsoDate,
  minDate,
  osloToday,
  startOfDayOslo,
  toPlainDate,
} from './calendar';
import { AppError } from './errors';

export type StoredState = 'pending' | 'approved' | 'rejected' | 'cancelled';
export type SubscriptionStatus = 'pending' | 'approved' | 'active' | 'ended' | 'rejected' | 'cancelled';

export type SubscriptionDates = {
  state: StoredState;
  startDate: IsoDate;
  endDate: IsoDate | null;
  revokedAt: Date | null;
};

/** Status on an Oslo calendar day; revocations are always stamped "now", so one that exists counts. */
function statusOn(s: SubscriptionDates, today: IsoDate, revoked = s.revokedAt !== null): SubscriptionStatus {
  if (s.state !== 'approved') return s.state;
  if (revoked) return 'ended';
  if (s.endDate !== null && compareDates(today, s.endDate) > 0) return 'ended';
  return compareDates(today, s.startDate) < 0 ? 'approved' : 'active';
}

export function deriveStatus(s: SubscriptionDates, now: Date): SubscriptionStatus {
  const revoked = s.revokedAt !== null && s.revokedAt.getTime() <= now.getTime();
  return statusOn(s, osloToday(now), revoked);
}

/** Rule 5: one live subscription per employee per company. */
export function isLive(status: SubscriptionStatus): boolean {
  return status === 'pending' || status === 'approved' || status === 'active';
}

/** Rule 5: an order starts on the 1st of next month. */
export function orderStartDate(today: IsoDate): IsoDate {
  return firstOfNextMonth(today);
}

/** Rule 6: approved after the start date has passed → the 1st of the month after approval. */
export function startDateOnApproval(startDate: IsoDate, today: IsoDate, startToday: boolean): IsoDate {
  toPlainDate(startDate);
  if (startToday) return toPlainDate(today).toString();
  return compareDates(today, startDate) > 0 ? firstOfNextMonth(today) : startDate;
}

/** An admin adding a subscription by hand may start it today or later, never in the past. */
export function validateManualStartDate(startDate: IsoDate, today: IsoDate): IsoDate {
  if (compareDates(startDate, today) < 0) {
    throw new AppError('START_DATE_INVALID', { details: { startDate, today } });
  }
  return startDate;
}

export function defaultManualStartDate(today: IsoDate): IsoDate {
  return firstOfNextMonth(today);
}

export type Cancellation = { kind: 'cancelled' };

function stateError(status: SubscriptionStatus, action: string): AppError {
  return new AppError('SUBSCRIPTION_STATE', { details: { status, action } });
}

/** Live and not yet started (pending, or approved with a future start): ending it costs nothing. */
function notStarted(status: SubscriptionStatus): boolean {
  return status === 'pending' || status === 'approved';
}

/** End of this month, or a scheduled end that is already earlier. */
function endOfThisMonth(sub: SubscriptionDates, today: IsoDate): IsoDate {
  const monthEnd = endOfMonth(today);
  return sub.endDate === null ? monthEnd : minDate(sub.endDate, monthEnd);
}

/** Rule 10: the employee cancels → ends on the last day of the current month. */
export function employeeCancellation(
  sub: SubscriptionDates,
  today: IsoDate,
): Cancellation | { kind: 'ends'; endDate: IsoDate } {
  const status = statusOn(sub, today);
  if (!isLive(status)) throw stateError(status, 'employee_cancel');
  if (notStarted(status)) return { kind: 'cancelled' };
  return { kind: 'ends', endDate: endOfThisMonth(sub, today) };
}

/** Rule 10: the admin ends it at the end of this month (default) or now (ticket invalid at once). */
export function adminEnd(
  sub: SubscriptionDates,
  effective: 'end_of_month' | 'now',
  today: IsoDate,
  now: Date,
): Cancellation | { kind: 'ends'; endDate: IsoDate; revokedAt: Date | null } {
  const status = statusOn(sub, today);
  if (!isLive(status)) throw stateError(status, 'admin_end');
  if (notStarted(status)) return { kind: 'cancelled' };
  if (effective === 'now') return { kind: 'ends', endDate: today, revokedAt: now };
  return { kind: 'ends', endDate: endOfThisMonth(sub, today), revokedAt: null };
}

/**
 * Item 16.1: the admin ends on a chosen Oslo date, from today on; the ticket is valid through that
 * day and the month of the end is billed in full (billing bills every started month). Also changes
 * a planned end that has not happened yet, earlier or later. An approved subscription that has not
 * started and is given a date before its start is cancelled at no cost. A pending order is decided
 * first (approve or reject). Errors: END_DATE_INVALID (field endDate) for a malformed date or one
 * before today; SUBSCRIPTION_STATE when it is not approved/active.
 */
export function adminEndOn(
  sub: SubscriptionDates,
  endDate: IsoDate | undefined,
  today: IsoDate,
): Cancellation | { kind: 'ends'; endDate: IsoDate; revokedAt: null } {
  if (endDate === undefined || !isIsoDate(endDate)) {
    throw new AppError('END_DATE_INVALID', {
      details: { field: 'endDate', endDate: endDate ?? null, today },
    });
  }
  if (compareDates(endDate, today) < 0) {
    throw new AppError('END_DATE_INVALID', { details: { field: 'endDate', endDate, today } });
  }
  const status = statusOn(sub, today);
  if (status !== 'approved' && status !== 'active') throw stateError(status, 'admin_end_on_date');
  if (status === 'approved' && compareDates(endDate, sub.startDate) < 0) return { kind: 'cancelled' };
  return { kind: 'ends', endDate, revokedAt: null };
}

/**
 * Item 16.1: a planned end (an end date from today on, not revoked) may be withdrawn before it
 * happens; the subscription runs on open-ended. Errors: SUBSCRIPTION_STATE when there is no
 * planned end (none set, already passed, ended now, or not approved/active).
 */
export function withdrawableEnd(sub: SubscriptionDates, today: IsoDate): IsoDate {
  const status = statusOn(sub, today);
  if ((status !== 'approved' && status !== 'active') || sub.endDate === null || sub.revokedAt !== null) {
    throw stateError(status, 'withdraw_end');
  }
  return sub.endDate;
}

export type ChangeEffective = 'next_month' | 'now';

/** Zone and category changes apply to a subscription that is approved or active, not to an order. */
function assertChangeable(sub: SubscriptionDates, today: IsoDate, action: string): 'approved' | 'active' {
  const status = statusOn(sub, today);
  if (status !== 'approved' && status !== 'active') throw stateError(status, action);
  return status;
}

function assertNotAfterEnd(sub: SubscriptionDates, from: IsoDate, action: string): void {
  if (sub.endDate !== null && compareDates(from, sub.endDate) > 0) {
    throw new AppError('SUBSCRIPTION_STATE', { details: { action, from, endDate: sub.endDate } });
  }
}

/** Rule 8: the date the new zone set applies from. */
export function zoneChangeFrom(sub: SubscriptionDates, effective: ChangeEffective, today: IsoDate): IsoDate {
  const status = assertChangeable(sub, today, 'zone_change');
  const from = status === 'approved' ? sub.startDate : effective === 'now' ? today : firstOfNextMonth(today);
  assertNotAfterEnd(sub, from, 'zone_change');
  return from;
}

export type CategoryChange =
  | {
      oldCancelled: false;
      oldEndDate: IsoDate;
      oldRevokedAt: Date | null;
      newStartDate: IsoDate;
      newEndDate: IsoDate | null;
    }
  | {
      oldCancelled: true;
      oldEndDate: null;
      oldRevokedAt: null;
      newStartDate: IsoDate;
      newEndDate: IsoDate | null;
    };

/**
 * Rule 9: a category change ends the old subscription and starts a new one. The new one keeps an
 * end date that was already scheduled (newEndDate).
 */
export function categoryChange(
  sub: SubscriptionDates,
  effective: ChangeEffective,
  today: IsoDate,
  now: Date,
): CategoryChange {
  const status = assertChangeable(sub, today, 'category_change');
  const newEndDate = sub.endDate;
  if (status === 'approved') {
    return {
      oldCancelled: true,
      oldEndDate: null,
      oldRevokedAt: null,
      newStartDate: sub.startDate,
      newEndDate,
    };
  }
  if (effective === 'now') {
    return { oldCancelled: false, oldEndDate: today, oldRevokedAt: now, newStartDate: today, newEndDate };
  }
  const newStartDate = firstOfNextMonth(today);
  assertNotAfterEnd(sub, newStartDate, 'category_change');
  return { oldCancelled: false, oldEndDate: endOfMonth(today), oldRevokedAt: null, newStartDate, newEndDate };
}

/**
 * Rule 7: valid from 00:00 Oslo on the start date until 23:59:59 Oslo on the end date (inclusive),
 * or until the revocation if that is earlier; validTo null = open-ended.
 */
export function ticketValidity(
  startDate: IsoDate,
  endDate: IsoDate | null,
  revokedAt: Date | null,
): { validFrom: Date; validTo: Date | null } {
  const validFrom = startOfDayOslo(startDate);
  const endOfLastDay = endDate === null ? null : endOfDayOslo(endDate);
  if (revokedAt === null) return { validFrom, validTo: endOfLastDay };
  const validTo = endOfLastDay !== null && endOfLastDay < revokedAt ? endOfLastDay : revokedAt;
  return { validFrom, validTo };
}
