import type { Ore } from './money';

/**
 * What a change made by the company (zones, category, subsidy) means for the employee's consent
 * to the salary deduction (issue 15; arbeidsmiljøloven § 14-15 (2) b):
 * - `require`: the new deduction is above what the employee agreed to; an open consent request
 *   for `deductionOre` is needed, and until it is confirmed only `consentedDeductionOre` may be
 *   deducted;
 * - `withdraw`: an open request is no longer needed (the deduction went back down);
 * - `none`: nothing to agree to (a lower or equal deduction needs no consent).
 */
export type ConsentDecision =
  | { kind: 'none' }
  | { kind: 'withdraw' }
  | { kind: 'require'; consentedDeductionOre: Ore; deductionOre: Ore };

/**
 * `previousDeductionOre` is the deduction before the change, `newDeductionOre` after it, both at
 * the same price version (a price-list change is covered by the order's terms, not by this);
 * `openConsentedOre` is the agreed amount of a request still open, or null. Amounts in øre.
 */
export function consentAfterChange(input: {
  previousDeductionOre: Ore;
  newDeductionOre: Ore;
  openConsentedOre: Ore | null;
}): ConsentDecision {
  const agreed = input.openConsentedOre ?? input.previousDeductionOre;
  if (input.newDeductionOre > agreed) {
    return { kind: 'require', consentedDeductionOre: agreed, deductionOre: input.newDeductionOre };
  }
  return input.openConsentedOre === null ? { kind: 'none' } : { kind: 'withdraw' };
}
