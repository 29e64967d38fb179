import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  daysInMonth,
  daysValidInMonth,
  endOfMonth,
  firstDayOfMonth,
  firstOfNextMonth,
  type IsoDate,
  isValidOn,
  monthOf,
  monthsTouched,
} from './calendar';

// Any date from 2000 to about 2100, via a day offset so every generated value is a real date.
const isoDate = fc.integer({ min: 0, max: 36_500 }).map((n) => addDays('2000-01-01', n));
const range = fc
  .tuple(isoDate, fc.integer({ min: 0, max: 800 }))
  .map(([start, len]): [IsoDate, IsoDate] => [start, addDays(start, len)]);
const month = isoDate.map(monthOf);

describe('calendar properties', () => {
  it('firstOfNextMonth is the day after endOfMonth, a 1st, in the following month', () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        const next = firstOfNextMonth(d);
        expect(next.endsWith('-01')).toBe(true);
        expect(compareDates(next, d)).toBe(1);
        expect(addDays(endOfMonth(d), 1)).toBe(next);
        expect(monthOf(next)).toBe(addMonths(monthOf(d), 1));
      }),
    );
  });

  it('endOfMonth is in the same month, not before d, and its next day is a 1st', () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        const end = endOfMonth(d);
        expect(monthOf(end)).toBe(monthOf(d));
        expect(compareDates(end, d)).toBeGreaterThanOrEqual(0);
        expect(addDays(end, 1).endsWith('-01')).toBe(true);
        expect(Number(end.slice(8))).toBe(daysInMonth(monthOf(d)));
      }),
    );
  });

  it('monthsTouched runs consecutively from the month of from to the month of to', () => {
    fc.assert(
      fc.property(range, fc.double({ min: 0, max: 1, noNaN: true }), ([from, to], t) => {
        const months = monthsTouched(from, to);
        expect(months[0]).toBe(monthOf(from));
        expect(months.at(-1)).toBe(monthOf(to));
        for (let i = 1; i < months.length; i++) expect(months[i]).toBe(addMonths(months[i - 1]!, 1));
        const inside = addDays(from, Math.floor(t * daysBetween(from, to)));
        expect(months).toContain(monthOf(inside));
      }),
    );
  });

  it('daysValidInMonth over the touched months sums to the length of the range', () => {
    fc.assert(
      fc.property(range, ([start, end]) => {
        const total = monthsTouched(start, end).reduce((sum, m) => sum + daysValidInMonth(start, end, m), 0);
        expect(total).toBe(daysBetween(start, end) + 1);
      }),
    );
  });

  it('daysValidInMonth equals counting the month days where isValidOn holds', () => {
    fc.assert(
      fc.property(range, fc.boolean(), month, ([start, end], openEnded, m) => {
        const to = openEnded ? null : end;
        let count = 0;
        for (let d = firstDayOfMonth(m); monthOf(d) === m; d = addDays(d, 1)) {
          if (isValidOn(start, to, d)) count++;
        }
        expect(daysValidInMonth(start, to, m)).toBe(count);
      }),
      { numRuns: 200 },
    );
  });
});
