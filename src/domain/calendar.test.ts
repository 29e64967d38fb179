import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareDates,
  daysInMonth,
  daysValidInMonth,
  firstDayOfMonth,
  firstOfMonth,
  formatDateEn,
  formatDateNb,
  isIsoDate,
  isValidOn,
  isYearMonth,
  lastDayOfMonth,
  monthOf,
  monthsTouched,
  parseIsoDate,
  parseYearMonth,
  previousMonth,
} from './calendar';
import { AppError } from './errors';

describe('parsing: dates are strict real calendar dates', () => {
  it('accepts real dates and months', () => {
    expect(isIsoDate('2027-03-01')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isYearMonth('2027-12')).toBe(true);
  });

  it.each([
    '2027-02-29',
    '2027-13-01',
    '2027-00-10',
    '2027-04-31',
    '2027-3-1',
    '27-03-01',
    '2027-03-01T00:00',
    ' 2027-03-01',
    '',
  ])('rejects %j as a date', (s) => {
    expect(isIsoDate(s)).toBe(false);
    expect(() => parseIsoDate(s)).toThrow(expect.objectContaining({ code: 'DATE_INVALID' }));
  });

  it.each(['2027-13', '2027-00', '2027-1', '2027', '2027-01-01'])('rejects %j as a month', (s) => {
    expect(isYearMonth(s)).toBe(false);
    expect(() => parseYearMonth(s)).toThrow(AppError);
    expect(() => parseYearMonth(s)).toThrow(expect.objectContaining({ code: 'MONTH_INVALID' }));
  });

  it('returns valid input unchanged', () => {
    expect(parseIsoDate('2026-02-01')).toBe('2026-02-01');
    expect(parseYearMonth('2026-02')).toBe('2026-02');
  });

  it('calendar helpers reject malformed dates with DATE_INVALID', () => {
    expect(() => addDays('2027-02-30', 1)).toThrow(expect.objectContaining({ code: 'DATE_INVALID' }));
    expect(() => addMonths('2027-13', 1)).toThrow(expect.objectContaining({ code: 'MONTH_INVALID' }));
  });
});

describe('month helpers', () => {
  it('first and last day, month of a date, days in month', () => {
    expect(firstOfMonth('2027-03-17')).toBe('2027-03-01');
    expect(monthOf('2027-03-17')).toBe('2027-03');
    expect(firstDayOfMonth('2027-04')).toBe('2027-04-01');
    expect(lastDayOfMonth('2027-04')).toBe('2027-04-30');
    expect(daysInMonth('2027-01')).toBe(31);
  });

  it('adds and subtracts months across years', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2027-01', -13)).toBe('2025-12');
    expect(previousMonth('2027-01')).toBe('2026-12');
  });

  it('compares dates chronologically', () => {
    expect(compareDates('2026-12-31', '2027-01-01')).toBe(-1);
    expect(compareDates('2027-01-01', '2027-01-01')).toBe(0);
    expect(compareDates('2027-10-02', '2027-09-30')).toBe(1);
  });
});

describe('ranges', () => {
  it('monthsTouched lists every month of the inclusive range', () => {
    expect(monthsTouched('2026-11-30', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsTouched('2027-03-05', '2027-03-05')).toEqual(['2027-03']);
    expect(monthsTouched('2027-03-05', '2027-03-04')).toEqual([]);
  });

  it('daysValidInMonth counts the days of the month inside [start, end]', () => {
    expect(daysValidInMonth('2027-03-10', null, '2027-03')).toBe(22);
    expect(daysValidInMonth('2027-03-10', '2027-03-10', '2027-03')).toBe(1);
    expect(daysValidInMonth('2027-01-15', '2027-03-03', '2027-02')).toBe(28);
    expect(daysValidInMonth('2027-01-15', '2027-03-03', '2027-03')).toBe(3);
    expect(daysValidInMonth('2027-04-01', null, '2027-03')).toBe(0);
    expect(daysValidInMonth('2027-01-01', '2027-02-28', '2027-03')).toBe(0);
  });

  it('isValidOn is inclusive at both ends, open-ended when end is null', () => {
    expect(isValidOn('2027-03-01', '2027-03-31', '2027-03-01')).toBe(true);
    expect(isValidOn('2027-03-01', '2027-03-31', '2027-03-31')).toBe(true);
    expect(isValidOn('2027-03-01', '2027-03-31', '2027-04-01')).toBe(false);
    expect(isValidOn('2027-03-01', '2027-03-31', '2027-02-28')).toBe(false);
    expect(isValidOn('2027-03-01', null, '2099-12-31')).toBe(true);
  });
});

describe('formatting dates for people', () => {
  it('Norwegian: "1. mars 2027"', () => {
    expect(formatDateNb('2027-03-01')).toBe('1. mars 2027');
    expect(formatDateNb('2026-12-24')).toBe('24. desember 2026');
    expect(formatDateNb('2027-05-17')).toBe('17. mai 2027');
  });

  it('English: "1 March 2027"', () => {
    expect(formatDateEn('2027-03-01')).toBe('1 March 2027');
    expect(formatDateEn('2026-01-09')).toBe('9 January 2026');
  });
});
