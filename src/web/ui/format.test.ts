import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from './format';

// Intl puts no-break spaces (U+00A0) between the groups and before "kr".
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('formats øre as Norwegian kroner', () => {
    expect(plain(formatMoney(123450, 'nb-NO'))).toBe('1 234,50 kr');
  });
  it('formats øre as NOK in English', () => {
    expect(plain(formatMoney(123450, 'en-GB'))).toBe('NOK 1,234.50');
  });
});

describe('formatDate', () => {
  it('formats a calendar date in bokmål and English', () => {
    expect(formatDate('2027-03-01', 'nb-NO')).toBe('1. mars 2027');
    expect(formatDate('2027-03-01', 'en-GB')).toBe('1 March 2027');
  });
});
