import { type BillingRunRow, findRun, runsOfMonth } from '../../db/repositories/billing';
import { isUuid } from '../../db/repositories/subscriptions';
import { parseYearMonth } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import type { AppContext, OperatorActor } from '../context';

export function toRunDto(run: BillingRunRow) {
  return {
    id: run.id,
    month: run.month,
    status: run.status,
    companiesTotal: run.companiesTotal,
    companiesDone: run.companiesDone,
    error: run.error,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

/** A billing run's progress (operator). */
export async function getBillingRun(ctx: AppContext, input: { actor: OperatorActor; id: string }) {
  const run = isUuid(input.id) ? await findRun(ctx.db, input.id) : null;
  if (!run) throw new AppError('NOT_FOUND');
  return toRunDto(run);
}

/** The latest runs of a month, newest first: the screen polls this while a run is going. */
export async function listBillingRuns(ctx: AppContext, input: { actor: OperatorActor; month: string }) {
  const runs = await runsOfMonth(ctx.db, parseYearMonth(input.month));
  return { items: runs.map(toRunDto) };
}

export type BillingRunDto = ReturnType<typeof toRunDto>;
