import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateVat, type Subsidy, splitCost, splitGross } from './money';

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

  it('allocateVat: line amounts add up exactly to the totals, nothing negative', () => {
    fc.assert(
      fc.property(fc.array(ore, { maxLength: 40 }), rate, (grossLines, r) => {
        const { lines, total } = allocateVat(grossLines, r);
        const sum = (f: (l: (typeof lines)[number]) => number) => lines.reduce((a, l) => a + f(l), 0);
        expect(total.grossOre).toBe(grossLines.reduce((a, b) => a + b, 0));
        expect(total).toEqual(splitGross(total.grossOre, r));
        expect(sum((l) => l.netOre)).toBe(total.netOre);
        expect(sum((l) => l.vatOre)).toBe(total.vatOre);
        lines.forEach((l, i) => {
          expect(l.grossOre).toBe(grossLines[i]);
          expect(l.netOre + l.vatOre).toBe(l.grossOre);
          expect(l.netOre).toBeGreaterThanOrEqual(0);
          expect(l.vatOre).toBeGreaterThanOrEqual(0);
          // every line stays within one øre of its exact net share, and an exact one keeps it
          const exact = (l.grossOre * 100) / (100 + r);
          expect(Math.abs(l.netOre - exact)).toBeLessThan(1);
          if (Number.isInteger(exact)) expect(l.netOre).toBe(exact);
        });
        expect(Math.abs(total.vatOre - Math.round((total.netOre * r) / 100))).toBeLessThanOrEqual(1);
      }),
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
