import { describe, expect, it } from 'vitest';
import { daysValidInMonth, endOfDayOslo, osloNow, osloToday, startOfDayOslo } from './calendar';

const HOUR = 3_600_000;

describe('Oslo time: DST days and instants near midnight', () => {
  it('the Oslo date of 2026-12-31T23:30Z is already 2027-01-01', () => {
    expect(osloToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(osloToday(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(osloToday(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });

  it('in summer Oslo is UTC+2: 22:00Z is the next Oslo day', () => {
    expect(osloToday(new Date('2027-06-30T21:59:59Z'))).toBe('2027-06-30');
    expect(osloToday(new Date('2027-06-30T22:00:00Z'))).toBe('2027-07-01');
  });

  it('osloNow gives the wall-clock time in Oslo', () => {
    const zoned = osloNow(new Date('2027-03-28T01:30:00Z'));
    expect(zoned.hour).toBe(3);
    expect(zoned.offset).toBe('+02:00');
  });

  it('start and end of day in winter (UTC+1)', () => {
    expect(startOfDayOslo('2027-01-15').toISOString()).toBe('2027-01-14T23:00:00.000Z');
    expect(endOfDayOslo('2027-01-15').toISOString()).toBe('2027-01-15T22:59:59.000Z');
  });

  it('2027-03-28 (spring forward) is a 23-hour day', () => {
    const start = startOfDayOslo('2027-03-28');
    const end = endOfDayOslo('2027-03-28');
    expect(start.toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(end.toISOString()).toBe('2027-03-28T21:59:59.000Z');
    expect(end.getTime() + 1000 - start.getTime()).toBe(23 * HOUR);
    expect(startOfDayOslo('2027-03-29').getTime() - start.getTime()).toBe(23 * HOUR);
  });

  it('2027-10-31 (fall back) is a 25-hour day', () => {
    const start = startOfDayOslo('2027-10-31');
    const end = endOfDayOslo('2027-10-31');
    expect(start.toISOString()).toBe('2027-10-30T22:00:00.000Z');
    expect(end.toISOString()).toBe('2027-10-31T22:59:59.000Z');
    expect(startOfDayOslo('2027-11-01').getTime() - start.getTime()).toBe(25 * HOUR);
  });

  it('the instants around the DST switch map to the right Oslo date', () => {
    expect(osloToday(new Date('2027-03-27T23:00:00Z'))).toBe('2027-03-28');
    expect(osloToday(new Date('2027-10-31T22:59:59Z'))).toBe('2027-10-31');
    expect(osloToday(new Date('2027-10-31T23:00:00Z'))).toBe('2027-11-01');
  });

  it('day counts are calendar days, unaffected by DST', () => {
    expect(daysValidInMonth('2027-03-27', '2027-03-29', '2027-03')).toBe(3);
    expect(daysValidInMonth('2027-10-30', '2027-11-01', '2027-10')).toBe(2);
  });
});
