import { describe, expect, it } from 'vitest';
import {
  assertOre,
  formatNok,
  formatOreDecimalComma,
  invoiceAmounts,
  splitCost,
  splitGross,
  validateSubsidy,
} from './money';

describe('øre amounts', () => {
  it('assertOre accepts safe non-negative integers only', () => {
    expect(assertOre(0)).toBe(0);
    expect(assertOre(79000)).toBe(79000);
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => assertOre(bad)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    }
  });
});

describe('VAT 12 % included in the price', () => {
  it('splits a gross price into net and VAT, net rounded half-up', () => {
    expect(splitGross(79000)).toEqual({ netOre: 70536, vatOre: 8464, grossOre: 79000 });
    expect(splitGross(112)).toEqual({ netOre: 100, vatOre: 12, grossOre: 112 });
    // 14 * 100 / 112 = 12.5 exactly → rounds up to 13
    expect(splitGross(14)).toEqual({ netOre: 13, vatOre: 1, grossOre: 14 });
    expect(splitGross(0)).toEqual({ netOre: 0, vatOre: 0, grossOre: 0 });
    expect(splitGross(125, 25)).toEqual({ netOre: 100, vatOre: 25, grossOre: 125 });
  });

  it('rejects a non-integer or out-of-range VAT rate', () => {
    expect(() => splitGross(100, 12.5)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => splitGross(100, -1)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('issue 14 item 7: equal tickets get equal lines; the øre left over go to the rounding amount (BT-114)', () => {
    // Each line alone: 14 → net 13 (12.5 rounded up), VAT 1. Net 39, VAT on it 4.68 → 5, total 44,
    // but the customer pays the three prices, 42: rounding −2.
    const { lines, total } = invoiceAmounts([14, 14, 14]);
    expect(lines).toEqual([14, 14, 14].map(() => ({ netOre: 13, vatOre: 1, grossOre: 14 })));
    expect(total).toEqual({ netOre: 39, vatOre: 5, roundingOre: -2, payableOre: 42 });
  });

  it('a line is split the same way whatever else is on the invoice and in whatever order', () => {
    const alone = invoiceAmounts([113]).lines[0];
    expect(invoiceAmounts([14, 113]).lines[1]).toEqual(alone);
    expect(invoiceAmounts([113, 112, 14]).lines[0]).toEqual(alone);
  });

  it('500 equal AKT tickets (545 kr): every line 486,61 + 58,39, rounding on the invoice only', () => {
    const { lines, total } = invoiceAmounts(Array.from({ length: 500 }, () => 54_500));
    expect(new Set(lines.map((l) => `${l.netOre}/${l.vatOre}`))).toEqual(new Set(['48661/5839']));
    expect(total.payableOre).toBe(500 * 54_500);
    expect(total.netOre + total.vatOre + total.roundingOre).toBe(total.payableOre);
  });

  it('an empty invoice has zero totals', () => {
    expect(invoiceAmounts([])).toEqual({
      lines: [],
      total: { netOre: 0, vatOre: 0, roundingOre: 0, payableOre: 0 },
    });
  });
});

describe('rule 2 and 12: company share, deduction and taxable benefit', () => {
  it('no subsidy: the employee pays everything', () => {
    expect(splitCost(79000, { type: 'none' })).toEqual({
      priceOre: 79000,
      companyShareOre: 0,
      deductionOre: 79000,
      taxableBenefitOre: 0,
    });
  });

  it('percent: share is the percentage of the price rounded half-up', () => {
    expect(splitCost(79000, { type: 'percent', value: 50 }).companyShareOre).toBe(39500);
    // 12.5 % of 79001 = 9875.125 → 9875; 33.33 % of 15 = 4.9995 → 5
    expect(splitCost(79001, { type: 'percent', value: 12.5 }).companyShareOre).toBe(9875);
    expect(splitCost(15, { type: 'percent', value: 33.33 }).companyShareOre).toBe(5);
    // 50 % of 1 øre = 0.5 → 1 (half-up)
    expect(splitCost(1, { type: 'percent', value: 50 }).companyShareOre).toBe(1);
    expect(splitCost(79000, { type: 'percent', value: 100 }).deductionOre).toBe(0);
  });

  it('fixed: the company never pays more than the price', () => {
    const within = splitCost(79000, { type: 'fixed', value: 30000 });
    expect(within).toEqual({
      priceOre: 79000,
      companyShareOre: 30000,
      deductionOre: 49000,
      taxableBenefitOre: 30000,
    });
    expect(splitCost(79000, { type: 'fixed', value: 100000 }).companyShareOre).toBe(79000);
  });

  it('the taxable benefit is price − deduction', () => {
    const split = splitCost(109000, { type: 'percent', value: 25 });
    expect(split.taxableBenefitOre).toBe(split.priceOre - split.deductionOre);
    expect(split.taxableBenefitOre).toBe(27250);
  });

  it.each([
    { type: 'percent', value: 100.01 },
    { type: 'percent', value: -1 },
    { type: 'percent', value: 12.345 },
    { type: 'percent', value: Number.NaN },
    { type: 'fixed', value: -100 },
    { type: 'fixed', value: 10.5 },
    { type: 'free' },
  ])('rejects the subsidy %j', (s) => {
    expect(() => validateSubsidy(s as never)).toThrow(expect.objectContaining({ code: 'SUBSIDY_INVALID' }));
  });

  it('accepts a percent with two decimals', () => {
    expect(validateSubsidy({ type: 'percent', value: 33.33 })).toEqual({ type: 'percent', value: 33.33 });
  });
});

describe('formatting money', () => {
  it('Norwegian: "1 234,50 kr" with ordinary spaces', () => {
    expect(formatNok(123450, 'nb')).toBe('1 234,50 kr');
    expect(formatNok(123456789, 'nb')).toBe('1 234 567,89 kr');
    expect(formatNok(5, 'nb')).toBe('0,05 kr');
    expect(formatNok(79000, 'nb')).toBe('790,00 kr');
    expect(formatNok(-123450, 'nb')).toBe('-1 234,50 kr');
  });

  it('English: "NOK 1,234.50"', () => {
    expect(formatNok(123450, 'en')).toBe('NOK 1,234.50');
    expect(formatNok(100000000, 'en')).toBe('NOK 1,000,000.00');
    expect(formatNok(0, 'en')).toBe('NOK 0.00');
  });

  it('payroll CSV: decimal comma, no thousands separator', () => {
    expect(formatOreDecimalComma(123450)).toBe('1234,50');
    expect(formatOreDecimalComma(7)).toBe('0,07');
    expect(formatOreDecimalComma(-4950)).toBe('-49,50');
  });
});
