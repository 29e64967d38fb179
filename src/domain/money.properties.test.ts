import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoiceAmounts, type Subsidy, splitCost, splitGross } from './money';

const ore = fc.integer({ min: 0, max: 10_000_000 });
const rate = fc.constantFrom(0, 6, 12, 15, 25);
const subsidy: fc.Arbitrary<Subsidy> = fc.oneof(
  fc.constant({ type: 'none' as const }),
  fc.integer({ min: 0, max: 10_000 }).map((h) => ({ type: 'percent' as const, value: h / 100 })),
  ore.map((value) => ({ type: 'fixed' as const, value })),
);

describe('money properties', () => {
  it('splitGross: net + vat = gross, net is gross/(1+rate) rounded half-up', () => {
    fc.assert(
      fc.property(ore, rate, (gross, r) => {
        const { netOre, vatOre, grossOre } = splitGross(gross, r);
        expect(grossOre).toBe(gross);
        expect(netOre + vatOre).toBe(gross);
        expect(vatOre).toBeGreaterThanOrEqual(0);
        expect(Math.abs(netOre - (gross * 100) / (100 + r))).toBeLessThanOrEqual(0.5);
      }),
    );
  });

  it('invoiceAmounts (issue 14 item 7): equal prices give equal lines; net + VAT + rounding = the sum of the prices', () => {
    fc.assert(
      fc.property(fc.array(ore, { maxLength: 40 }), rate, (grossLines, r) => {
        const { lines, total } = invoiceAmounts(grossLines, r);
        expect(total.payableOre).toBe(grossLines.reduce((a, b) => a + b, 0));
        expect(total.netOre).toBe(lines.reduce((a, l) => a + l.netOre, 0));
        // BR-CO-17: the VAT is the taxable amount × rate, rounded half-up to whole øre.
        expect(Math.abs(total.vatOre - (total.netOre * r) / 100)).toBeLessThanOrEqual(0.5);
        // BR-CO-16: payable = net + VAT + rounding; each line adds at most half an øre of net
        // rounding, grown by the rate, plus half an øre from the VAT.
        expect(total.netOre + total.vatOre + total.roundingOre).toBe(total.payableOre);
        expect(Math.abs(total.roundingOre)).toBeLessThanOrEqual(lines.length * (0.5 * (1 + r / 100)) + 0.5);
        lines.forEach((l, i) => {
          expect(l).toEqual(splitGross(grossLines[i]!, r));
          expect(l.vatOre).toBeGreaterThanOrEqual(0);
        });
      }),
    );
  });

  it('invoiceAmounts: a price gets the same line on every invoice, whatever else is on it', () => {
    fc.assert(
      fc.property(
        ore,
        fc.array(ore, { maxLength: 20 }),
        fc.array(ore, { maxLength: 20 }),
        (price, before, after) => {
          const line = invoiceAmounts([...before, price, ...after]).lines[before.length];
          expect(line).toEqual(invoiceAmounts([price]).lines[0]);
        },
      ),
    );
  });

  it('splitCost: share + deduction = price, none negative, share ≤ price, benefit = share', () => {
    fc.assert(
      fc.property(ore, subsidy, (price, s) => {
        const split = splitCost(price, s);
        expect(split.companyShareOre + split.deductionOre).toBe(price);
        expect(split.companyShareOre).toBeGreaterThanOrEqual(0);
        expect(split.deductionOre).toBeGreaterThanOrEqual(0);
        expect(split.companyShareOre).toBeLessThanOrEqual(price);
        expect(split.taxableBenefitOre).toBe(price - split.deductionOre);
        expect(Number.isInteger(split.companyShareOre)).toBe(true);
      }),
    );
  });

  it('percent subsidy: the share is within half an øre of the exact percentage', () => {
    fc.assert(
      fc.property(ore, fc.integer({ min: 0, max: 10_000 }), (price, hundredths) => {
        const { companyShareOre } = splitCost(price, { type: 'percent', value: hundredths / 100 });
        expect(Math.abs(companyShareOre - (price * hundredths) / 10_000)).toBeLessThanOrEqual(0.5);
      }),
    );
  });
});
