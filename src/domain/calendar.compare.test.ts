import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { compareDates } from './calendar';

const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('compareDates (string comparison after an arithmetic check)', () => {
  it('property: orders real dates exactly as Temporal does', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        expect(compareDates(a, b)).toBe(
          Temporal.PlainDate.compare(Temporal.PlainDate.from(a), Temporal.PlainDate.from(b)),
        );
      }),
    );
  });

  it('refuses what is not a real date, leap days included', () => {
    for (const bad of [
      '2027-02-29',
      '2100-02-29',
      '2027-13-01',
      '2027-00-10',
      '2027-04-31',
      '2027-1-1',
      '',
    ]) {
      expect(() => compareDates(bad, '2027-01-01')).toThrow(
        expect.objectContaining({ code: 'DATE_INVALID' }),
      );
    }
    expect(compareDates('2028-02-29', '2000-02-29')).toBe(1);
  });
});
