import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consentAfterChange } from './deduction-consent';

const ore = fc.integer({ min: 0, max: 1_000_000 });

describe('consent to a higher deduction (issue 15)', () => {
  it('a raise above what was agreed needs consent; a lower or equal deduction never does', () => {
    fc.assert(
      fc.property(ore, ore, (previous, next) => {
        const d = consentAfterChange({
          previousDeductionOre: previous,
          newDeductionOre: next,
          openConsentedOre: null,
        });
        if (next > previous)
          expect(d).toEqual({ kind: 'require', consentedDeductionOre: previous, deductionOre: next });
        else expect(d).toEqual({ kind: 'none' });
      }),
    );
  });

  it('while a request is open, the agreed amount stays the one agreed, not the unconfirmed one', () => {
    fc.assert(
      fc.property(ore, ore, ore, (agreed, previous, next) => {
        const d = consentAfterChange({
          previousDeductionOre: previous,
          newDeductionOre: next,
          openConsentedOre: agreed,
        });
        if (next > agreed)
          expect(d).toEqual({ kind: 'require', consentedDeductionOre: agreed, deductionOre: next });
        else expect(d).toEqual({ kind: 'withdraw' });
      }),
    );
  });

  it('the example of the issue: 545 kr agreed, zones raise it to 695 kr', () => {
    expect(
      consentAfterChange({ previousDeductionOre: 54_500, newDeductionOre: 69_500, openConsentedOre: null }),
    ).toEqual({
      kind: 'require',
      consentedDeductionOre: 54_500,
      deductionOre: 69_500,
    });
  });
});
