import {
  advanceRun,
  closeInterruptedRuns,
  companiesToBill,
  countRunLines,
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
import { announceInvoices, reportBillingProblem } from './notify-billing';

/** Companies per transaction: big enough to be set-based, small enough to show progress. */
export const BILLING_BATCH = 250;

/**
 * Batch transactions at once on PostgreSQL: they compute and write their lines side by side and
 * wait for each other only in the short numbering step under the counter lock (issueInvoices).
 * More gained nothing measurable on two cores and would take connections from the web traffic.
 * PGlite has one connection, so there the batches run one after another.
 */
export const BILLING_CONCURRENCY = 2;

/**
 * Rule 11: the billing run of a month that has ended. One invoice per company with something to
 * bill; companies already invoiced are skipped, so a second or concurrent run makes nothing new
 * and a run that died halfway is finished by the next. Progress is kept in billing_runs.
 * Each invoiced company's admins get an email; a company whose ticket stops the run is told why.
 */
export async function runBillingMonth(
  ctx: AppContext,
  input: {
    actor: Actor;
    month: string;
    batchSize?: number;
    /** Batch transactions at once (default BILLING_CONCURRENCY on PostgreSQL, 1 on PGlite). */
    concurrency?: number;
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

  const started = performance.now();
  const trigger = input.actor.type === 'system' ? 'schedule' : 'operator';
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
    const batches: string[][] = [];
    for (let i = 0; i < companyIds.length; i += size) batches.push(companyIds.slice(i, i + size));
    let companiesDone = 0;
    await forEachAtOnce(batches, workersFor(ctx, input.concurrency), async (batch) => {
      await ctx.db.transaction(async (tx) => {
        const issued = await issueInvoices(tx, {
          actor: input.actor,
          month,
          companyIds: batch,
          runId: run.id,
          now,
          today,
        });
        await announceInvoices(tx, ctx, month, issued);
        await advanceRun(tx, run.id, batch.length);
      });
      companiesDone += batch.length;
      input.onProgress?.({ phase: 'batch', companiesDone, companiesTotal });
    });
    await updateRun(ctx.db, run.id, { status: 'done', finishedAt: ctx.clock.now() });
    await closeInterruptedRuns(ctx.db, month, run.id, ctx.clock.now());
    ctx.metrics.billingLines.inc({ trigger }, await countRunLines(ctx.db, run.id));
    ctx.metrics.billingRunDuration.observe({ trigger }, (performance.now() - started) / 1000);
  } catch (error) {
    const message = error instanceof AppError ? error.code : 'INTERNAL';
    await updateRun(ctx.db, run.id, { status: 'failed', error: message, finishedAt: ctx.clock.now() });
    await reportBillingProblem(ctx, month, error);
    throw error;
  }
  return { runId: run.id, month, invoices: await liveInvoicesOfMonth(ctx.db, month) };
}

function workersFor(ctx: AppContext, requested: number | undefined): number {
  if (ctx.database.kind === 'pglite') return 1;
  return Math.max(1, requested ?? BILLING_CONCURRENCY);
}

/**
 * Runs `work` for each item, at most `workers` at a time, in order of the items. After the first
 * failure no new item is started; the ones under way finish (each is its own transaction), then
 * the first error is thrown.
 */
async function forEachAtOnce<T>(items: T[], workers: number, work: (item: T) => Promise<void>) {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (failure === null && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(workers, items.length) }, worker));
  if (failure) throw (failure as { error: unknown }).error;
}
