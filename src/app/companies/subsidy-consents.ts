import type { Tx } from '../../db/engine';
import { subscriptionHolders, subscriptionsValidBetween } from '../../db/repositories/operator';
import { MonthPriceTable } from '../../domain/billing';
import {
  firstOfMonth,
  type IsoDate,
  maxDate,
  monthOf,
  startOfDayOslo,
  type YearMonth,
} from '../../domain/calendar';
import type { PriceVersion } from '../../domain/catalog';
import { type Subsidy, splitCost } from '../../domain/money';
import { chargeOf } from '../catalog/price-impact';
import type { AppContext } from '../context';
import { reconsiderConsent } from '../subscriptions/deduction-consent';
import { consentLink, smsEmployee } from '../subscriptions/notify';

/** Far enough ahead to reach every ticket that has not ended. */
const OPEN_END: IsoDate = '2099-12-31';

/**
 * Issue 15 item 2: a company lowers its subsidy, so its employees' own deductions rise. Each
 * approved ticket (or order waiting for approval) still valid this month or later is priced (rule 1) in its first month from now
 * on, split by the old and the new subsidy; where the deduction rises above what the employee
 * agreed to, a consent request opens and the employee gets an SMS with the old and new amount and
 * the consent link, in their language. A raise taken back withdraws the request. The subsidy is
 * read for every month not yet billed, so the change counts from the 1st of this month.
 * `changeKey` (the company's last update) makes a later change back and forth news again.
 */
export async function reconsiderSubsidyConsents(
  tx: Tx,
  ctx: AppContext,
  input: {
    companyId: string;
    today: IsoDate;
    prices: PriceVersion[];
    before: Subsidy;
    after: Subsidy;
    changeKey: string;
  },
): Promise<number> {
  const first = firstOfMonth(input.today);
  const spans = await subscriptionsValidBetween(
    tx,
    first,
    OPEN_END,
    startOfDayOslo(input.today),
    input.companyId,
    // Orders still waiting count too: approved later, they would be deducted at the new amount
    // without the employee having agreed to it (hostile check, issue 15).
    ['approved', 'pending'],
  );
  const tables = new Map<YearMonth, MonthPriceTable>();
  const tableOf = (month: YearMonth) => {
    const table = tables.get(month) ?? new MonthPriceTable(input.prices, month);
    tables.set(month, table);
    return table;
  };
  const holders = new Map(
    (
      await subscriptionHolders(
        tx,
        spans.map((s) => s.id),
        input.companyId,
      )
    ).map((h) => [h.id, h]),
  );
  let asked = 0;
  for (const sub of spans) {
    const from = maxDate(first, firstOfMonth(sub.startDate));
    const month = monthOf(from);
    const priceOre = chargeOf(tableOf(month), sub);
    const holder = holders.get(sub.id);
    if (priceOre === 0 || !holder) continue;
    const previous = splitCost(priceOre, input.before);
    const next = splitCost(priceOre, input.after);
    const consent = await reconsiderConsent(tx, ctx, {
      companyId: input.companyId,
      subscription: holder,
      reason: 'subsidy',
      previousDeductionOre: previous.deductionOre,
      next,
      from,
    });
    if (!consent || next.deductionOre <= previous.deductionOre) continue;
    await smsEmployee(
      tx,
      ctx,
      holder,
      'deduction_raised',
      {
        from,
        deductionOre: next.deductionOre,
        previousDeductionOre: consent.consentedDeductionOre,
        consentUrl: await consentLink(tx, ctx, input.companyId),
      },
      `subsidy-raised:${sub.id}:${from}:${next.deductionOre}:${input.changeKey}`,
    );
    asked++;
  }
  return asked;
}
