import { monthJustEnded } from '../../domain/billing';
import { osloToday } from '../../domain/calendar';
import type { AppContext } from '../context';
import { runBillingMonth } from './run-billing-month';

export const BILLING_MONTHLY_JOB = 'billing-monthly';

/** The scheduled run (1st of the month, 06:00 Oslo): bills the month just ended, from the clock. */
export async function runScheduledBilling(ctx: AppContext): Promise<void> {
  const month = monthJustEnded(osloToday(ctx.clock.now()));
  const result = await runBillingMonth(ctx, { actor: { type: 'system', label: 'billing-monthly' }, month });
  ctx.log.info({ month, invoices: result.invoices.length, runId: result.runId }, 'billing run done');
}
