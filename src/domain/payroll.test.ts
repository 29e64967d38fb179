import { describe, expect, it } from 'vitest';
import { isValidKid, kidForInvoiceNumber, mod10CheckDigit } from './invoice-kid';
import { type PayrollSnapshotRow, payrollAmounts, payrollChanges } from './payroll';

const row = (id: string, over: Partial<PayrollSnapshotRow> = {}): PayrollSnapshotRow => ({
  subscriptionId: id,
  firstName: 'Kari',
  lastName: id,
  endDate: null,
  priceOre: 81400,
  deductionOre: 81400,
  ...over,
});

describe('rule 12: payroll-deduction basis', () => {
  it('rule 12: a 50 % subsidy splits 814 kr into 407 kr share and 407 kr deduction; benefit = share', () => {
    expect(payrollAmounts({ priceOre: 81400, daysValid: 31 }, { type: 'percent', value: 50 })).toEqual({
      priceOre: 81400,
      companyShareOre: 40700,
      deductionOre: 40700,
      taxableBenefitOre: 40700,
      daysValid: 31,
    });
  });

  it('rule 2: a fixed subsidy above the price is capped at the price (no negative deduction)', () => {
    expect(payrollAmounts({ priceOre: 40700, daysValid: 1 }, { type: 'fixed', value: 50000 })).toMatchObject({
      companyShareOre: 40700,
      deductionOre: 0,
    });
  });

  it('rule 12: changes since the last export name who started, ended and changed price', () => {
    const previous = [row('a'), row('b'), row('c'), row('d')];
    const current = [
      row('a'),
      row('b', { endDate: '2027-04-30' }),
      row('c', { priceOre: 112300, deductionOre: 112300 }),
      row('e'),
    ];
    const changes = payrollChanges(previous, current);
    expect(changes.started.map((r) => r.subscriptionId)).toEqual(['e']);
    expect(changes.ended.map((r) => r.subscriptionId)).toEqual(['b', 'd']);
    expect(changes.priceChanged).toEqual([{ before: row('c'), after: current[2] }]);
  });

  it('rule 12: without a previous export everyone counts as started', () => {
    expect(payrollChanges([], [row('a')]).started).toHaveLength(1);
  });
});

describe('invoice KID (MOD10)', () => {
  it('the KID is the invoice number padded to 9 digits plus a MOD10 check digit', () => {
    expect(kidForInvoiceNumber(1)).toBe('0000000018');
    expect(mod10CheckDigit('234567')).toBe(6);
    expect(isValidKid(kidForInvoiceNumber(123456))).toBe(true);
    expect(isValidKid('0000000017')).toBe(false);
  });

  it('every invoice number gives a valid KID, different numbers different KIDs', () => {
    const kids = new Set<string>();
    for (let n = 1; n <= 2000; n++) {
      const kid = kidForInvoiceNumber(n);
      expect(isValidKid(kid)).toBe(true);
      kids.add(kid);
    }
    expect(kids.size).toBe(2000);
  });

  it('a KID for number 0 or a fraction is refused', () => {
    expect(() => kidForInvoiceNumber(0)).toThrow();
    expect(() => kidForInvoiceNumber(1.5)).toThrow();
  });
});
