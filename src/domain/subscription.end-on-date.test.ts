import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates } from './calendar';
import { adminEndOn, type SubscriptionDates, withdrawableEnd } from './subscription';

const sub = (over: Partial<SubscriptionDates> = {}): SubscriptionDates => ({
  state: 'approved',
  startDate: '2027-03-01',
  endDate: null,
  revokedAt: null,
  ...over,
});
const today = '2027-03-15';
const dateError = expect.objectContaining({
  code: 'END_DATE_INVALID',
  details: expect.objectContaining({ field: 'endDate' }),
});
const stateError = expect.objectContaining({ code: 'SUBSCRIPTION_STATE' });

describe('item 16.1: the admin ends on a date from today on', () => {
  it('any date from today on is the end date; any date before today is END_DATE_INVALID naming endDate', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 800 }), (offset) => {
        const endDate = addDays(today, offset);
        if (offset < 0) {
          expect(() => adminEndOn(sub(), endDate, today)).toThrow(dateError);
        } else {
          expect(adminEndOn(sub(), endDate, today)).toEqual({ kind: 'ends', endDate, revokedAt: null });
        }
      }),
    );
  });

  it('a missing or malformed date is END_DATE_INVALID', () => {
    for (const bad of [undefined, '', '2027-02-30', '31.03.2027', '2027-3-1']) {
      expect(() => adminEndOn(sub(), bad, today)).toThrow(dateError);
    }
  });

  it('a planned end moves earlier or later; an ended, pending or cancelled one cannot', () => {
    expect(adminEndOn(sub({ endDate: '2027-04-30' }), '2027-06-30', today)).toMatchObject({
      endDate: '2027-06-30',
    });
    expect(adminEndOn(sub({ endDate: '2027-04-30' }), '2027-03-20', today)).toMatchObject({
      endDate: '2027-03-20',
    });
    expect(() => adminEndOn(sub({ endDate: '2027-03-10' }), '2027-04-30', today)).toThrow(stateError);
    expect(() => adminEndOn(sub({ state: 'pending' }), '2027-04-30', today)).toThrow(stateError);
    expect(() => adminEndOn(sub({ state: 'cancelled' }), '2027-04-30', today)).toThrow(stateError);
  });

  it('an approved subscription that has not started: a date before its start cancels it, from the start on is a fixed term', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 90 }), (startIn, endIn) => {
        const startDate = addDays(today, startIn + 1);
        const endDate = addDays(today, endIn);
        const outcome = adminEndOn(sub({ startDate }), endDate, today);
        if (compareDates(endDate, startDate) < 0) expect(outcome).toEqual({ kind: 'cancelled' });
        else expect(outcome).toEqual({ kind: 'ends', endDate, revokedAt: null });
      }),
    );
  });

  it('a planned end can be withdrawn until its day has passed; nothing planned, passed or revoked cannot', () => {
    expect(withdrawableEnd(sub({ endDate: '2027-03-15' }), today)).toBe('2027-03-15');
    expect(withdrawableEnd(sub({ endDate: '2027-09-30' }), today)).toBe('2027-09-30');
    expect(() => withdrawableEnd(sub(), today)).toThrow(stateError);
    expect(() => withdrawableEnd(sub({ endDate: '2027-03-14' }), today)).toThrow(stateError);
    expect(() =>
      withdrawableEnd(sub({ endDate: '2027-03-15', revokedAt: new Date('2027-03-15T08:00:00Z') }), today),
    ).toThrow(stateError);
  });
});
