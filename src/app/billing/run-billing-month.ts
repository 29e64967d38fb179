import {
  advanceRun,
  companiesToBill,
  insertRun,
  liveInvoicesOfMonth,
  updateRun,
} from '../../db/repositories/billing';
import { assertMonthClosed } from '../../domain/billing';
import { firstDayOfMonth, lastDayOfMonth, osloToday, parseYearMonth } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { issueInvoices } from './issue-invoices';

/** Companies per transaction: big enough to be set-based, small enough to show progress. */
export const BILLING_BATCH = 250;

/**
 * Rule 11: the billing run of a month that has ended. One invoice per company with something to
 * bill; companies already invoiced are skipped, so a second or concurrent run makes nothing new
 * and a run that died halfway is finished by the next. Progress is kept in billing_runs.
 */
export async function runBillingMonth(
  ctx: AppContext,
  input: {
    actor: Actor;
    month: string;
    batchSize?: number;
    /** Called after each step (the benchmark times the phases with it). */
    onProgress?: (step: {
      phase: 'companies' | 'batch';
      companiesDone: number;
      companiesTotal: number;
    }) => void;
  },
) {
  const month = parseYearMonth(input.month);
  const now = ctx.clock.now();
  const today = osloToday(now);
  assertMonthClosed(month, today);
  const first = firstDayOfMonth(month);
  const last = lastDayOfMonth(month);

  const run = await ctx.db.transaction(async (tx) => {
    const row = await insertRun(tx, {
      month,
      startedBy: input.actor.type === 'operator' ? input.actor.userId : null,
      startedAt: now,
    });
    await recordAudit(tx, input.actor, now, {
      companyId: null,
      action: 'billing_run.started',
      entityType: 'billing_run',
      entityId: row.id,
      after: { month },
    });
    return row;
  });
  try {
    const companyIds = await companiesToBill(ctx.db, month, first, last);
    await updateRun(ctx.db, run.id, { companiesTotal: companyIds.length });
    const companiesTotal = companyIds.length;
    input.onProgress?.({ phase: 'companies', companiesDone: 0, companiesTotal });
    const size = input.batchSize ?? BILLING_BATCH;
    for (let i = 0; i < companyIds.length; i += size) {
      const batch = companyIds.slice(i, i + size);
      await ctx.db.transaction(async (tx) => {
        await issueInvoices(tx, { actor: input.actor, month, companyIds: batch, runId: run.id, now, today });
        await advanceRun(tx, run.id, batch.length);
      });
      input.onProgress?.({ phase: 'batch', companiesDone: i + batch.length, companiesTotal });
    }
    await updateRun(ctx.db, run.id, { status: 'done', finishedAt: ctx.clock.now() });
  } catch (error) {
    const message = error instanceof AppError ? error.code : 'INTERNAL';
    await updateRun(ctx.db, run.id, { status: 'failed', error: message, finishedAt: ctx.clock.now() });
    throw error;
  }
  return { runId: run.id, month, invoices: await liveInvoicesOfMonth(ctx.db, month) };
}
