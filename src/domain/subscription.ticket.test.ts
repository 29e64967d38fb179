import { describe, expect, it } from 'vitest';
import { ticketValidity } from './subscription';
import { numberVerdict } from './ticket';

describe('rule 7: ticket validity in Oslo time', () => {
  it('rule 7: valid from 00:00 Oslo of the start date until 23:59:59 Oslo of the end date', () => {
    expect(ticketValidity('2027-01-01', '2027-01-31', null)).toEqual({
      validFrom: new Date('2026-12-31T23:00:00Z'),
      validTo: new Date('2027-01-31T22:59:59Z'),
    });
  });

  it('open-ended while the subscription lives', () => {
    expect(ticketValidity('2027-03-01', null, null).validTo).toBeNull();
  });

  it('across DST: start on 2027-03-28 (UTC+1 at midnight), end 2027-10-31 (UTC+1 at night)', () => {
    const { validFrom, validTo } = ticketValidity('2027-03-28', '2027-10-31', null);
    expect(validFrom.toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(validTo?.toISOString()).toBe('2027-10-31T22:59:59.000Z');
  });

  it('summer end date: 23:59:59 at UTC+2', () => {
    expect(ticketValidity('2027-06-01', '2027-06-30', null).validTo?.toISOString()).toBe(
      '2027-06-30T21:59:59.000Z',
    );
  });

  it('revocation before the end cuts the validity at the revocation instant', () => {
    const revokedAt = new Date('2027-03-15T10:00:00Z');
    expect(ticketValidity('2027-03-01', '2027-03-15', revokedAt).validTo).toEqual(revokedAt);
    expect(ticketValidity('2027-03-01', null, revokedAt).validTo).toEqual(revokedAt);
  });

  it('a revocation after the end date does not extend the validity', () => {
    const late = new Date('2027-04-02T10:00:00Z');
    expect(ticketValidity('2027-03-01', '2027-03-31', late).validTo?.toISOString()).toBe(
      '2027-03-31T21:59:59.000Z',
    );
  });
});

describe('issue 13 item 6: the verdict on a ticket number', () => {
  const approved = {
    state: 'approved' as const,
    startDate: '2027-03-01',
    endDate: '2027-03-31',
    revokedAt: null,
  };

  it('valid from 00:00 Oslo on the start date to 23:59:59 on the end date, not before, expired after', () => {
    expect(numberVerdict(approved, new Date('2027-02-28T22:59:59Z'))).toEqual({
      valid: false,
      reason: 'not_yet_valid',
    });
    expect(numberVerdict(approved, new Date('2027-02-28T23:00:00Z'))).toEqual({ valid: true });
    expect(numberVerdict(approved, new Date('2027-03-31T21:59:59Z'))).toEqual({ valid: true });
    expect(numberVerdict(approved, new Date('2027-03-31T22:00:00Z'))).toEqual({
      valid: false,
      reason: 'expired',
    });
  });

  it('ended early ("now") or cancelled is revoked at once, also before the start', () => {
    const revokedAt = new Date('2027-03-10T12:00:00Z');
    expect(numberVerdict({ ...approved, revokedAt }, new Date('2027-03-10T11:59:59Z'))).toEqual({
      valid: true,
    });
    expect(numberVerdict({ ...approved, revokedAt }, revokedAt)).toEqual({ valid: false, reason: 'revoked' });
    const early = new Date('2027-02-10T12:00:00Z');
    expect(numberVerdict({ ...approved, revokedAt: early }, new Date('2027-02-11T00:00:00Z'))).toEqual({
      valid: false,
      reason: 'revoked',
    });
    expect(numberVerdict({ ...approved, state: 'cancelled' }, new Date('2027-03-10T12:00:00Z'))).toEqual({
      valid: false,
      reason: 'revoked',
    });
  });
});
