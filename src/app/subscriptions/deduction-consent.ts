import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/engine';
import {
  type DeductionConsentRow,
  insertConsent,
  openConsentOf,
  updateConsent,
} from '../../db/repositories/deduction-consents';
import { subscriptions } from '../../db/schema';
import { compareDates, type IsoDate, monthOf } from '../../domain/calendar';
import { type PriceVersion, priceForMonth } from '../../domain/catalog';
import { consentAfterChange } from '../../domain/deduction-consent';
import { AppError } from '../../domain/errors';
import { type CostSplit, type Subsidy, splitCost } from '../../domain/money';
import type { AppContext } from '../context';
import { emailAdmins } from './notify-admins';

/** Why a consent request was opened (issue 15): a company change, an admin-made ticket, a price raise. */
export type ConsentReason = DeductionConsentRow['reason'];

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
 *
 * A deduction counts as agreed only by the employee's own act (their order or a confirmed
 * request, stored as the subscription's `consent`): a subscription without one (made by an
 * admin or an import) has agreed to 0 øre, so any deduction above 0 stays consent-missing.
 * A request opened or raised here tells the company's admins at once (`noticeConsentMissing`).
 * Returns the open request, or null when none is needed.
 */
export async function reconsiderConsent(
  tx: Tx,
  ctx: AppContext,
  input: {
    companyId: string;
    subscription: { id: string; phone: string };
    reason: ConsentReason;
    previousDeductionOre: number;
    next: CostSplit;
    from: IsoDate;
    carriedConsentedOre?: number | null;
  },
): Promise<DeductionConsentRow | null> {
  const open = await openConsentOf(tx, input.companyId, input.subscription.id);
  const agreedByEmployee = await hasEmployeeConsent(tx, input.subscription.id);
  const decision = consentAfterChange({
    previousDeductionOre: input.previousDeductionOre,
    newDeductionOre: input.next.deductionOre,
    openConsentedOre:
      open?.consentedDeductionOre ?? input.carriedConsentedOre ?? (agreedByEmployee ? null : 0),
  });
  // Hostile check: a later change never takes months away from an open request. The months
  // before this change's `from` keep the raise the request asked about, so going back down from
  // a later date does not withdraw it, and the request keeps its earliest month.
  const coversEarlier = open !== null && compareDates(open.effectiveFrom, input.from) < 0;
  if (decision.kind === 'withdraw') {
    if (open && coversEarlier) return open;
    if (open) await updateConsent(tx, input.companyId, open.id, { status: 'withdrawn' });
    return null;
  }
  if (decision.kind === 'none') return null;
  // The request asks for the highest amount it covers: a change to a lower (but still raised)
  // amount from a later month keeps the higher amount the earlier months carry.
  const keepsHigher = open !== null && coversEarlier && open.deductionOre >= decision.deductionOre;
  const amounts = {
    reason: input.reason,
    consentedDeductionOre: decision.consentedDeductionOre,
    deductionOre: decision.deductionOre,
    priceOre: input.next.priceOre,
    companyShareOre: input.next.companyShareOre,
    effectiveFrom: open && coversEarlier ? open.effectiveFrom : input.from,
  };
  const row = open
    ? await updateConsent(
        tx,
        input.companyId,
        open.id,
        keepsHigher ? { consentedDeductionOre: decision.consentedDeductionOre } : amounts,
      )
    : await insertConsent(tx, {
        companyId: input.companyId,
        subscriptionId: input.subscription.id,
        phone: input.subscription.phone,
        status: 'open',
        ...amounts,
      });
  await noticeConsentMissing(tx, ctx, row);
  return row;
}

/** Whether the employee agreed to the subscription's deduction by their own act (order or confirm). */
async function hasEmployeeConsent(tx: Tx, subscriptionId: string): Promise<boolean> {
  const [row] = await tx
    .select({ consent: subscriptions.consent })
    .from(subscriptions)
    .where(eq(subscriptions.id, subscriptionId));
  return Boolean(row?.consent);
}

/**
 * Issue 15 (d): tells the company's admins that a consent is missing, when it becomes missing.
 * Each admin's notification choice (`users.newOrderNotice`) decides: `immediate` now, `digest`
 * from the daily reminder once the raised amount is in force, `none` not at all (the dashboard
 * and the payroll basis show it). Keyed per subscription, raised amount and admin, the same key
 * the daily reminder uses, so one admin hears of one amount once.
 */
export async function noticeConsentMissing(
  tx: Tx,
  ctx: AppContext,
  consent: DeductionConsentRow,
  who: (admin: { newOrderNotice: 'immediate' | 'digest' | 'none' }) => boolean = (a) =>
    a.newOrderNotice === 'immediate',
): Promise<number> {
  const [holder] = await tx
    .select({ firstName: subscriptions.firstName, lastName: subscriptions.lastName })
    .from(subscriptions)
    .where(eq(subscriptions.id, consent.subscriptionId));
  return emailAdmins(tx, ctx, {
    companyId: consent.companyId,
    kind: 'admin_consent_missing',
    params: {
      employeeName: `${holder?.firstName ?? ''} ${holder?.lastName ?? ''}`.trim(),
      previousDeductionOre: consent.consentedDeductionOre,
      deductionOre: consent.deductionOre,
    },
    idempotencyKey: consentMissingKey(consent),
    who,
  });
}

/** The admin notice's key: one per subscription and raised amount (the admin's id is appended). */
export function consentMissingKey(consent: { subscriptionId: string; deductionOre: number }): string {
  return `consent-missing:${consent.subscriptionId}:${consent.deductionOre}`;
}
