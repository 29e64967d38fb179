import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysInMonth,
  daysValidInMonth,
  endOfMonth,
  firstOfNextMonth,
  lastDayOfMonth,
  monthsTouched,
} from './calendar';

describe('month ends, year end and leap years', () => {
  it('year end: 2026-12-31 → first of next month is 2027-01-01', () => {
    expect(firstOfNextMonth('2026-12-31')).toBe('2027-01-01');
    expect(firstOfNextMonth('2026-12-01')).toBe('2027-01-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
  });

  it('end of month on the last day is that same day', () => {
    expect(endOfMonth('2027-01-31')).toBe('2027-01-31');
    expect(endOfMonth('2027-04-30')).toBe('2027-04-30');
    expect(endOfMonth('2026-12-31')).toBe('2026-12-31');
  });

  it('leap year: February 2028 has 29 days, 2027 and 2100 have 28', () => {
    expect(daysInMonth('2028-02')).toBe(29);
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(firstOfNextMonth('2028-02-29')).toBe('2028-03-01');
    expect(daysInMonth('2027-02')).toBe(28);
    expect(daysInMonth('2100-02')).toBe(28);
    expect(daysInMonth('2000-02')).toBe(29);
  });

  it('adding months from the 31st never skips a month', () => {
    expect(firstOfNextMonth('2027-01-31')).toBe('2027-02-01');
    expect(firstOfNextMonth('2027-03-31')).toBe('2027-04-01');
  });

  it('a subscription valid the whole leap February counts 29 days', () => {
    expect(daysValidInMonth('2028-01-15', null, '2028-02')).toBe(29);
    expect(daysValidInMonth('2028-02-29', '2028-03-01', '2028-02')).toBe(1);
  });

  it('a range over the year end touches both years', () => {
    expect(monthsTouched('2026-12-31', '2027-01-01')).toEqual(['2026-12', '2027-01']);
    expect(daysValidInMonth('2026-12-31', '2027-01-01', '2026-12')).toBe(1);
    expect(daysValidInMonth('2026-12-31', '2027-01-01', '2027-01')).toBe(1);
  });
});
