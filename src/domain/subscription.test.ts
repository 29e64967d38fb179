import { describe, expect, it } from 'vitest';
import {
  defaultManualStartDate,
  deriveStatus,
  isLive,
  orderStartDate,
  type SubscriptionDates,
  startDateOnApproval,
  validateManualStartDate,
} from './subscription';

const approved = (over: Partial<SubscriptionDates> = {}): SubscriptionDates => ({
  state: 'approved',
  startDate: '2027-03-01',
  endDate: null,
  revokedAt: null,
  ...over,
});

// 12:00 Oslo (winter) on the given date
const noonOslo = (d: string) => new Date(`${d}T11:00:00Z`);

describe('status of a subscription', () => {
  it('approved and before the start date → approved', () => {
    expect(deriveStatus(approved(), noonOslo('2027-02-28'))).toBe('approved');
  });

  it('approved and started → active, from 00:00 Oslo of the start date', () => {
    expect(deriveStatus(approved(), new Date('2027-02-28T22:59:59Z'))).toBe('approved');
    expect(deriveStatus(approved(), new Date('2027-02-28T23:00:00Z'))).toBe('active');
  });

  it('active through the end date, ended the day after (Oslo)', () => {
    const sub = approved({ endDate: '2027-03-31' });
    expect(deriveStatus(sub, new Date('2027-03-31T21:59:59Z'))).toBe('active');
    expect(deriveStatus(sub, new Date('2027-03-31T22:00:00Z'))).toBe('ended');
  });

  it('revoked → ended at once, even before the end date', () => {
    const revokedAt = new Date('2027-03-15T10:00:00Z');
    const sub = approved({ endDate: '2027-03-15', revokedAt });
    expect(deriveStatus(sub, new Date('2027-03-15T09:59:59Z'))).toBe('active');
    expect(deriveStatus(sub, revokedAt)).toBe('ended');
  });

  it('stored pending, rejected and cancelled are reported as they are', () => {
    expect(deriveStatus(approved({ state: 'pending' }), noonOslo('2027-05-01'))).toBe('pending');
    expect(deriveStatus(approved({ state: 'rejected' }), noonOslo('2027-05-01'))).toBe('rejected');
    expect(deriveStatus(approved({ state: 'cancelled' }), noonOslo('2027-05-01'))).toBe('cancelled');
  });

  it('rule 5: pending, approved and active are live; the rest are not', () => {
    expect(['pending', 'approved', 'active'].every((s) => isLive(s as never))).toBe(true);
    expect(['ended', 'rejected', 'cancelled'].some((s) => isLive(s as never))).toBe(false);
  });
});

describe('rule 5: ordering starts on the 1st of next month', () => {
  it('start date is the first of next month, also at year end', () => {
    expect(orderStartDate('2027-02-14')).toBe('2027-03-01');
    expect(orderStartDate('2027-03-01')).toBe('2027-04-01');
    expect(orderStartDate('2026-12-31')).toBe('2027-01-01');
  });
});

describe('rule 6: approval', () => {
  it('approved before the start date keeps the start date', () => {
    expect(startDateOnApproval('2027-03-01', '2027-02-20', false)).toBe('2027-03-01');
    expect(startDateOnApproval('2027-03-01', '2027-03-01', false)).toBe('2027-03-01');
  });

  it('approved after the start date has passed → the 1st of the month after approval', () => {
    expect(startDateOnApproval('2027-03-01', '2027-03-02', false)).toBe('2027-04-01');
    expect(startDateOnApproval('2026-12-01', '2026-12-31', false)).toBe('2027-01-01');
  });

  it('"start today" starts it on the day of approval', () => {
    expect(startDateOnApproval('2027-03-01', '2027-03-10', true)).toBe('2027-03-10');
    expect(startDateOnApproval('2027-03-01', '2027-02-20', true)).toBe('2027-02-20');
  });
});

describe('admin adds a subscription by hand', () => {
  it('may start today or later, by default the 1st of next month', () => {
    expect(validateManualStartDate('2027-03-10', '2027-03-10')).toBe('2027-03-10');
    expect(validateManualStartDate('2027-04-01', '2027-03-10')).toBe('2027-04-01');
    expect(defaultManualStartDate('2027-03-10')).toBe('2027-04-01');
  });

  it('refuses a start date in the past', () => {
    expect(() => validateManualStartDate('2027-03-09', '2027-03-10')).toThrow(
      expect.objectContaining({ code: 'START_DATE_INVALID' }),
    );
  });
});
