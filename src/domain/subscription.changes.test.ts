import { describe, expect, it } from 'vitest';
import {
  adminEnd,
  categoryChange,
  employeeCancellation,
  type SubscriptionDates,
  zoneChangeFrom,
} from './subscription';

const sub = (over: Partial<SubscriptionDates> = {}): SubscriptionDates => ({
  state: 'approved',
  startDate: '2027-03-01',
  endDate: null,
  revokedAt: null,
  ...over,
});
const now = new Date('2027-03-15T10:00:00Z');
const today = '2027-03-15';
const stateError = expect.objectContaining({ code: 'SUBSCRIPTION_STATE' });

describe('rule 10: the employee cancels', () => {
  it('rule 10: employee cancel ends on the last day of the current month', () => {
    expect(employeeCancellation(sub(), today)).toEqual({ kind: 'ends', endDate: '2027-03-31' });
    expect(employeeCancellation(sub({ startDate: '2028-01-01' }), '2028-02-03')).toEqual({
      kind: 'ends',
      endDate: '2028-02-29',
    });
  });

  it('rule 10: cancelling an order that has not started costs nothing', () => {
    expect(employeeCancellation(sub({ startDate: '2027-04-01' }), today)).toEqual({ kind: 'cancelled' });
    expect(employeeCancellation(sub({ state: 'pending', startDate: '2027-04-01' }), today)).toEqual({
      kind: 'cancelled',
    });
  });

  it('an earlier scheduled end is kept', () => {
    expect(employeeCancellation(sub({ endDate: '2027-03-20' }), today)).toEqual({
      kind: 'ends',
      endDate: '2027-03-20',
    });
  });

  it('rule 10: an ended, rejected or cancelled subscription cannot be cancelled (never reopened)', () => {
    expect(() => employeeCancellation(sub({ endDate: '2027-03-14' }), today)).toThrow(stateError);
    expect(() => employeeCancellation(sub({ revokedAt: new Date('2027-03-10T10:00:00Z') }), today)).toThrow(
      stateError,
    );
    expect(() => employeeCancellation(sub({ state: 'rejected' }), today)).toThrow(stateError);
    expect(() => employeeCancellation(sub({ state: 'cancelled' }), today)).toThrow(stateError);
  });
});

describe('rule 10: the admin ends a subscription', () => {
  it('end of month (default): last day of this month, ticket stays valid', () => {
    expect(adminEnd(sub(), 'end_of_month', today, now)).toEqual({
      kind: 'ends',
      endDate: '2027-03-31',
      revokedAt: null,
    });
  });

  it('end of month keeps an earlier existing end date', () => {
    expect(adminEnd(sub({ endDate: '2027-03-20' }), 'end_of_month', today, now)).toEqual({
      kind: 'ends',
      endDate: '2027-03-20',
      revokedAt: null,
    });
  });

  it('now: ends today and revokes the ticket at once', () => {
    expect(adminEnd(sub(), 'now', today, now)).toEqual({ kind: 'ends', endDate: today, revokedAt: now });
  });

  it('not started yet: cancelled', () => {
    expect(adminEnd(sub({ startDate: '2027-04-01' }), 'now', today, now)).toEqual({ kind: 'cancelled' });
    expect(adminEnd(sub({ state: 'pending' }), 'end_of_month', today, now)).toEqual({ kind: 'cancelled' });
  });

  it('an ended one cannot be ended again', () => {
    expect(() => adminEnd(sub({ endDate: '2027-03-01' }), 'now', today, now)).toThrow(stateError);
  });
});

describe('rule 8: change zone', () => {
  it('rule 8: next_month applies from the 1st of next month, now from today', () => {
    expect(zoneChangeFrom(sub(), 'next_month', today)).toBe('2027-04-01');
    expect(zoneChangeFrom(sub(), 'now', today)).toBe(today);
    expect(zoneChangeFrom(sub({ startDate: '2026-01-01' }), 'next_month', '2026-12-31')).toBe('2027-01-01');
  });

  it('not started yet: the change applies from the start date', () => {
    expect(zoneChangeFrom(sub({ startDate: '2027-04-01' }), 'now', today)).toBe('2027-04-01');
    expect(zoneChangeFrom(sub({ startDate: '2027-04-01' }), 'next_month', today)).toBe('2027-04-01');
  });

  it('only an approved or active subscription can change zone', () => {
    expect(() => zoneChangeFrom(sub({ state: 'pending' }), 'now', today)).toThrow(stateError);
    expect(() => zoneChangeFrom(sub({ endDate: '2027-03-10' }), 'now', today)).toThrow(stateError);
    expect(() => zoneChangeFrom(sub({ state: 'cancelled' }), 'now', today)).toThrow(stateError);
  });

  it('a change from after the scheduled end date is refused', () => {
    expect(() => zoneChangeFrom(sub({ endDate: '2027-03-31' }), 'next_month', today)).toThrow(stateError);
    expect(zoneChangeFrom(sub({ endDate: '2027-03-31' }), 'now', today)).toBe(today);
  });
});

describe('rule 9: change traveller category', () => {
  it('rule 9: default ends the old at the end of this month and starts the new on the 1st (no double billing)', () => {
    expect(categoryChange(sub(), 'next_month', today, now)).toEqual({
      oldCancelled: false,
      oldEndDate: '2027-03-31',
      oldRevokedAt: null,
      newStartDate: '2027-04-01',
      newEndDate: null,
    });
  });

  it('rule 9: now ends the old today (revoked now) and starts the new today', () => {
    expect(categoryChange(sub(), 'now', today, now)).toEqual({
      oldCancelled: false,
      oldEndDate: today,
      oldRevokedAt: now,
      newStartDate: today,
      newEndDate: null,
    });
  });

  it('not started yet: the old is cancelled and the new starts on its start date', () => {
    expect(categoryChange(sub({ startDate: '2027-04-01' }), 'now', today, now)).toEqual({
      oldCancelled: true,
      oldEndDate: null,
      oldRevokedAt: null,
      newStartDate: '2027-04-01',
      newEndDate: null,
    });
  });

  it('the new subscription keeps a scheduled end date', () => {
    const change = categoryChange(sub({ endDate: '2027-06-30' }), 'next_month', today, now);
    expect(change.newEndDate).toBe('2027-06-30');
  });

  it('refuses pending, ended or ending-this-month subscriptions', () => {
    expect(() => categoryChange(sub({ state: 'pending' }), 'now', today, now)).toThrow(stateError);
    expect(() => categoryChange(sub({ revokedAt: now }), 'now', today, now)).toThrow(stateError);
    expect(() => categoryChange(sub({ endDate: '2027-03-31' }), 'next_month', today, now)).toThrow(
      stateError,
    );
  });
});
