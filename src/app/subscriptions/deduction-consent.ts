import type { Tx } from '../../db/engine';
import {
  type DeductionConsentRow,
  insertConsent,
  openConsentOf,
  updateConsent,
} from '../../db/repositories/deduction-consents';
import { type IsoDate, monthOf } from '../../domain/calendar';
import { type PriceVersion, priceForMonth } from '../../domain/catalog';
import { consentAfterChange } from '../../domain/deduction-consent';
import { AppError } from '../../domain/errors';
import { type CostSplit, type Subsidy, splitCost } from '../../domain/money';

/**
 * The monthly price split of a ticket in the month of `date` (rule 1: the month's prices), or
 * null when the catalog has no price for it (the change itself does not need one).
 */
export function monthlySplit(
  prices: PriceVersion[],
  subsidy: Subsidy,
  ticket: { categoryId: string; zoneCount: number },
  date: IsoDate,
): CostSplit | null {
  try {
    return splitCost(priceForMonth(prices, ticket.categoryId, ticket.zoneCount, monthOf(date)), subsidy);
  } catch (error) {
    if (error instanceof AppError && (error.code === 'PRICE_MISSING' || error.code === 'ZONES_REQUIRED')) {
      return null;
    }
    throw error;
  }
}

/**
 * After a change made by the company, opens, updates or withdraws the subscription's consent
 * request (domain rule in `consentAfterChange`). `carriedConsentedOre` is the amount agreed on a
 * subscription this one replaces (a category change) while its own request was open.
 * Returns the open request, or null when none is needed.
 */
export async function reconsiderConsent(
  tx: Tx,
  input: {
    companyId: string;
    subscription: { id: string; phone: string };
    reason: 'zones' | 'category' | 'subsidy';
    previousDeductionOre: number;
    next: CostSplit;
    from: IsoDate;
    carriedConsentedOre?: number | null;
  },
): Promise<DeductionConsentRow | null> {
  const open = await openConsentOf(tx, input.companyId, input.subscription.id);
  const decision = consentAfterChange({
    previousDeductionOre: input.previousDeductionOre,
    newDeductionOre: input.next.deductionOre,
    openConsentedOre: open?.consentedDeductionOre ?? input.carriedConsentedOre ?? null,
  });
  if (decision.kind === 'withdraw') {
    if (open) await updateConsent(tx, input.companyId, open.id, { status: 'withdrawn' });
    return null;
  }
  if (decision.kind === 'none') return null;
  const amounts = {
    reason: input.reason,
    consentedDeductionOre: decision.consentedDeductionOre,
    deductionOre: decision.deductionOre,
    priceOre: input.next.priceOre,
    companyShareOre: input.next.companyShareOre,
    effectiveFrom: input.from,
  };
  if (open) return updateConsent(tx, input.companyId, open.id, amounts);
  return insertConsent(tx, {
    companyId: input.companyId,
    subscriptionId: input.subscription.id,
    phone: input.subscription.phone,
    status: 'open',
    ...amounts,
  });
}
