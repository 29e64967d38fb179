import { inArray, like } from 'drizzle-orm';
import type { Tx } from '../../db/engine';
import { openConsentOf, updateConsent } from '../../db/repositories/deduction-consents';
import { subscriptionHolders, subscriptionsValidBetween } from '../../db/repositories/operator';
import { companies, messages } from '../../db/schema';
import { MonthPriceTable } from '../../domain/billing';
import {
  compareDates,
  firstDayOfMonth,
  type IsoDate,
  lastDayOfMonth,
  monthOf,
  startOfDayOslo,
} from '../../domain/calendar';
import type { PriceVersion } from '../../domain/catalog';
import { followsPriceList } from '../../domain/deduction-terms';
import { type CostSplit, type Ore, type Subsidy, splitCost } from '../../domain/money';
import type { AppContext } from '../context';
import { reconsiderConsent } from '../subscriptions/deduction-consent';
import { consentLink, smsEmployee } from '../subscriptions/notify';
import { chargeOf } from './price-impact';

/** One employee whose monthly deduction the version changes: from what to what. */
export interface DeductionChange {
  subscriptionId: string;
  previousDeductionOre: Ore;
  deductionOre: Ore;
  /** The price split with the version (price, company share, deduction), øre. */
  next: CostSplit;
}

/**
 * Which subscriptions a price version changes the employee's own deduction for, in the month it
 * starts (rule 1: a month is priced on its first day): the ticket's price without and with the
 * version, each split by the company's subsidy. A ticket the catalog cannot price either way is
 * left out (the billing run reports it); a changed price that the company's share absorbs is no
 * news to the employee.
 */
export function deductionChanges(
  prices: PriceVersion[],
  validFrom: IsoDate,
  subscriptions: Parameters<typeof chargeOf>[1][],
  subsidyOf: (subscriptionId: string) => Subsidy,
): DeductionChange[] {
  const month = monthOf(validFrom);
  const without = new MonthPriceTable(
    prices.filter((p) => compareDates(p.validFrom, validFrom) !== 0),
    month,
  );
  const withVersion = new MonthPriceTable(prices, month);
  const changes: DeductionChange[] = [];
  for (const sub of subscriptions) {
    const before = chargeOf(without, sub);
    const after = chargeOf(withVersion, sub);
    if (before === 0 || after === 0 || before === after) continue;
    const subsidy = subsidyOf(sub.id);
    const previousDeductionOre = splitCost(before, subsidy).deductionOre;
    const next = splitCost(after, subsidy);
    if (previousDeductionOre !== next.deductionOre) {
      changes.push({ subscriptionId: sub.id, previousDeductionOre, deductionOre: next.deductionOre, next });
    }
  }
  return changes;
}

/** The employees whose deduction the version (in `prices`) changes, with who they are. */
async function changesOfVersion(tx: Tx, validFrom: IsoDate, prices: PriceVersion[]) {
  const month = monthOf(validFrom);
  const first = firstDayOfMonth(month);
  const spans = await subscriptionsValidBetween(tx, first, lastDayOfMonth(month), startOfDayOslo(first));
  if (spans.length === 0) return [];
  const companyIds = [...new Set(spans.map((s) => s.companyId))];
  const companyRows = await tx
    .select({
      id: companies.id,
      subsidy: companies.subsidy,
      deductionTerms: companies.deductionTerms,
      orderForm: companies.orderForm,
    })
    .from(companies)
    .where(inArray(companies.id, companyIds));
  const subsidies = new Map(companyRows.map((c) => [c.id, c.subsidy]));
  // Issue 15 (c): whose terms do not cover a price-list raise (their raise needs consent).
  const consentOnRaise = new Set(
    companyRows
      .filter((c) => !followsPriceList(c.deductionTerms, c.orderForm.deductionFollowsPriceList))
      .map((c) => c.id),
  );
  const companyOf = new Map(spans.map((s) => [s.id, s.companyId]));
  const changes = deductionChanges(
    prices,
    validFrom,
    spans,
    (id) => subsidies.get(companyOf.get(id) ?? '') ?? { type: 'none' },
  );
  const holders = new Map(
    (
      await subscriptionHolders(
        tx,
        changes.map((c) => c.subscriptionId),
      )
    ).map((h) => [h.id, h]),
  );
  return changes.flatMap((change) => {
    const holder = holders.get(change.subscriptionId);
    return holder ? [{ ...change, holder, needsConsent: consentOnRaise.has(holder.companyId) }] : [];
  });
}

/**
 * Issue 15: when the operator publishes (saves) a price version, every employee whose own
 * deduction it changes gets an SMS, in their language, with the date and the new amount. Where
 * the company's terms say the deduction follows the price list (`followsPriceList`: the default
 * terms, or custom terms the company declared so) no new consent is asked; otherwise a raise
 * opens a consent request like a company change (payroll `consentMissing`, the SMS carries the
 * consent link, admins are told) and a cut withdraws an open one. Keyed per
 * subscription, version date and amount: saving the same version again sends nothing; replacing
 * it with other prices sends the new amount. `prices` is the whole list with the version in it.
 */
export async function announcePriceVersion(
  tx: Tx,
  ctx: AppContext,
  validFrom: IsoDate,
  prices: PriceVersion[],
): Promise<number> {
  let sent = 0;
  for (const change of await changesOfVersion(tx, validFrom, prices)) {
    const consent = change.needsConsent
      ? await reconsiderConsent(tx, ctx, {
          companyId: change.holder.companyId,
          subscription: change.holder,
          reason: 'price',
          previousDeductionOre: change.previousDeductionOre,
          next: change.next,
          from: validFrom,
        })
      : null;
    const queued = await smsEmployee(
      tx,
      ctx,
      change.holder,
      'price_changed',
      {
        from: validFrom,
        deductionOre: change.deductionOre,
        previousDeductionOre: change.previousDeductionOre,
        consentUrl: consent ? await consentLink(tx, ctx, change.holder.companyId) : null,
      },
      `price-changed:${change.holder.id}:${validFrom}:${change.deductionOre}`,
    );
    if (queued) sent++;
  }
  return sent;
}

/**
 * A withdrawn price version that was announced: each employee who was told of it learns that
 * the change is off and what the deduction stays at. Only those who got the announcement (an
 * outbox row of its key) are told. `pricesBefore` is the list while the version was in it.
 */
export async function withdrawPriceAnnouncement(
  tx: Tx,
  ctx: AppContext,
  validFrom: IsoDate,
  pricesBefore: PriceVersion[],
  now: Date,
): Promise<number> {
  const told = new Set(
    (
      await tx
        .select({ key: messages.idempotencyKey })
        .from(messages)
        .where(like(messages.idempotencyKey, `price-changed:%:${validFrom}:%`))
    ).map((m) => m.key.split(':')[1]),
  );
  if (told.size === 0) return 0;
  let sent = 0;
  for (const change of await changesOfVersion(tx, validFrom, pricesBefore)) {
    if (!told.has(change.holder.id)) continue;
    // A consent asked only for this version's raise is no longer needed.
    const open = await openConsentOf(tx, change.holder.companyId, change.holder.id);
    if (open?.reason === 'price' && open.effectiveFrom === validFrom) {
      await updateConsent(tx, change.holder.companyId, open.id, { status: 'withdrawn' });
    }
    const queued = await smsEmployee(
      tx,
      ctx,
      change.holder,
      'price_change_withdrawn',
      { from: validFrom, deductionOre: change.previousDeductionOre },
      `price-change-withdrawn:${change.holder.id}:${validFrom}:${now.getTime()}`,
    );
    if (queued) sent++;
  }
  return sent;
}
