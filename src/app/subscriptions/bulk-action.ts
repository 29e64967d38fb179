import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { isUuid } from '../../db/repositories/subscriptions';
import { subscriptions } from '../../db/schema';
import { osloToday } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { normalizeMobile } from '../../domain/phone';
import type { ChangeEffective } from '../../domain/subscription';
import { type AppContext, assertCanChange, type CompanyAdminActor, departmentScope } from '../context';
import { approveOrder } from './approve-order';
import { changeCategory, previewCategoryChange } from './change-category';
import { changeZones } from './change-zones';
import { type EndEffective, endSubscription } from './end-subscription';
import { moveToDepartment } from './move-to-department';
import { rejectOrder } from './reject-order';

/**
 * Bulk work on many subscriptions at once (issue 16 item 2): one action over a list of ids, each
 * row done by the same use case as its single-row button, in its own transaction, so a row is
 * either done whole (with its own audit entry and message) or not at all, and a failing row never
 * stops the others. A dry run says, per row, whether the action is allowed and what it changes,
 * without writing anything.
 */
export type BulkAction =
  | { action: 'approve' }
  | { action: 'reject'; reason?: string }
  | { action: 'change_zones'; zoneIds: string[]; effective: ChangeEffective }
  | { action: 'change_category'; categoryId: string; effective: ChangeEffective }
  | { action: 'end'; effective: EndEffective; endDate?: string }
  | { action: 'move_department'; departmentId: string | null };

/** What happened (or would happen) to one row. */
export type BulkRowResult = {
  id: string;
  name: string | null;
  /** done: changed; unchanged: it already was so; failed: refused (code says why); would_do: dry run. */
  outcome: 'done' | 'unchanged' | 'failed' | 'would_do';
  code?: string;
  details?: unknown;
  /** For a category change in a dry run: the cost per month before and after. */
  preview?: unknown;
};

export type BulkResult = {
  dryRun: boolean;
  results: BulkRowResult[];
  summary: { total: number; done: number; unchanged: number; failed: number; wouldDo: number };
};

/** At most this many rows per request; the web app sends a long selection in chunks and shows progress. */
export const BULK_MAX_ROWS = 200;

/**
 * Runs `action` on every subscription in `ids` (the actor's company only: another company's id is
 * `failed` NOT_FOUND, like a single request). Throws VALIDATION_FAILED for an empty or too long
 * list; otherwise answers per row, in the order given, duplicates once.
 */
export async function bulkAction(
  ctx: AppContext,
  input: { actor: CompanyAdminActor; ids: string[]; dryRun: boolean } & BulkAction,
): Promise<BulkResult> {
  // A payroll admin changes nothing, not even in a dry run of a change (issue 16 item 4).
  assertCanChange(input.actor);
  const ids = [...new Set(input.ids)];
  if (ids.length === 0 || ids.length > BULK_MAX_ROWS) {
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          path: 'body.ids',
          problem: ids.length === 0 ? 'required' : 'too_big',
          params: { max: BULK_MAX_ROWS },
        },
      ],
    });
  }
  const rows = await ctx.db
    .select({
      id: subscriptions.id,
      state: subscriptions.state,
      endDate: subscriptions.endDate,
      firstName: subscriptions.firstName,
      lastName: subscriptions.lastName,
    })
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.companyId, input.actor.companyId),
        inArray(subscriptions.id, ids.filter(isUuid)),
        inScope(input.actor),
      ),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const results: BulkRowResult[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) {
      results.push({ id, name: null, outcome: 'failed', code: 'NOT_FOUND' });
      continue;
    }
    const name = `${row.firstName} ${row.lastName}`;
    try {
      results.push({
        id,
        name,
        ...(input.dryRun ? await preview(ctx, input, row) : await runOne(ctx, input, row)),
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ id, name, outcome: 'failed', code: error.code, details: error.details });
    }
  }
  const count = (o: BulkRowResult['outcome']) => results.filter((r) => r.outcome === o).length;
  return {
    dryRun: input.dryRun,
    results,
    summary: {
      total: results.length,
      done: count('done'),
      unchanged: count('unchanged'),
      failed: count('failed'),
      wouldDo: count('would_do'),
    },
  };
}

type Row = { id: string; state: string; endDate: string | null };

async function runOne(
  ctx: AppContext,
  input: { actor: CompanyAdminActor } & BulkAction,
  row: Row,
): Promise<Omit<BulkRowResult, 'id' | 'name'>> {
  const base = { actor: input.actor, id: row.id };
  switch (input.action) {
    case 'approve': {
      if (row.state === 'approved') return { outcome: 'unchanged' };
      await approveOrder(ctx, base);
      return { outcome: 'done' };
    }
    case 'reject': {
      if (row.state === 'rejected') return { outcome: 'unchanged' };
      await rejectOrder(ctx, { ...base, reason: input.reason });
      return { outcome: 'done' };
    }
    case 'change_zones':
      await changeZones(ctx, { ...base, zoneIds: input.zoneIds, effective: input.effective });
      return { outcome: 'done' };
    case 'change_category':
      await changeCategory(ctx, { ...base, categoryId: input.categoryId, effective: input.effective });
      return { outcome: 'done' };
    case 'end': {
      const after = await endSubscription(ctx, {
        ...base,
        effective: input.effective,
        endDate: input.endDate,
      });
      return { outcome: after.endDate === row.endDate && row.endDate !== null ? 'unchanged' : 'done' };
    }
    case 'move_department': {
      const moved = await moveToDepartment(ctx, { ...base, departmentId: input.departmentId });
      return { outcome: moved.changed ? 'done' : 'unchanged' };
    }
  }
}

/**
 * Issue 16 item 4: a department admin's rows only (another department's id is `failed` NOT_FOUND,
 * and a pasted list never selects it).
 */
function inScope(actor: CompanyAdminActor): SQL | undefined {
  const scope = departmentScope(actor);
  if (!scope) return undefined;
  return scope.length > 0 ? inArray(subscriptions.departmentId, scope) : sql`false`;
}

/** Thrown to roll a dry run's transaction back once the row's action has run in it. */
class DryRunRollback extends Error {}

/**
 * A dry run: the row's action runs for real — the same use case, so the same rules and codes —
 * inside a transaction that is then rolled back, so nothing (row, audit entry, message, job)
 * remains. A change is `would_do`; a category change also carries its cost per month.
 */
async function preview(
  ctx: AppContext,
  input: { actor: CompanyAdminActor } & BulkAction,
  row: Row,
): Promise<Omit<BulkRowResult, 'id' | 'name'>> {
  let outcome: Omit<BulkRowResult, 'id' | 'name'> = { outcome: 'unchanged' };
  try {
    await ctx.db.transaction(async (tx) => {
      // Each use case opens its own transaction on `db`: on `tx` that is a savepoint inside this one.
      outcome = await runOne({ ...ctx, db: tx as unknown as AppContext['db'] }, input, row);
      throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  if (outcome.outcome !== 'done') return outcome;
  if (input.action === 'change_category') {
    const cost = await previewCategoryChange(ctx, {
      actor: input.actor,
      id: row.id,
      categoryId: input.categoryId,
      effective: input.effective,
    });
    return { outcome: 'would_do', preview: cost };
  }
  return { outcome: 'would_do' };
}

/**
 * Issue 16 item 2: a list pasted from a spreadsheet (phones or employee numbers, one per line)
 * selects subscriptions: a phone matches the subscription's mobile number, anything else a value
 * of its order-form fields (e.g. Ansattnummer), exactly. Only current subscriptions (pending, or
 * approved and not ended) are selected. Returns the ids with the line each came from, and the
 * lines nothing matched.
 */
export async function selectByPastedList(
  ctx: AppContext,
  input: { actor: CompanyAdminActor; text: string },
): Promise<{ matched: { line: string; id: string; name: string }[]; unmatched: string[] }> {
  const lines = [
    ...new Set(
      input.text
        .split(/\r?\n|\t|;|,/)
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
  if (lines.length > 5000) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'body.text', problem: 'too_big', params: { max: 5000 } }],
    });
  }
  const today = osloToday(ctx.clock.now());
  const current = (
    await ctx.db
      .select({
        id: subscriptions.id,
        state: subscriptions.state,
        endDate: subscriptions.endDate,
        phone: subscriptions.phone,
        fields: subscriptions.fields,
        firstName: subscriptions.firstName,
        lastName: subscriptions.lastName,
      })
      .from(subscriptions)
      .where(
        and(
          eq(subscriptions.companyId, input.actor.companyId),
          inArray(subscriptions.state, ['pending', 'approved']),
          inScope(input.actor),
        ),
      )
  ).filter((s) => s.endDate === null || s.endDate >= today);
  const matched: { line: string; id: string; name: string }[] = [];
  const unmatched: string[] = [];
  for (const line of lines) {
    const phone = normalizeMobile(line);
    const hits = current.filter((s) =>
      phone
        ? s.phone === phone
        : Object.values((s.fields ?? {}) as Record<string, unknown>).some((v) => String(v).trim() === line),
    );
    if (hits.length === 0) unmatched.push(line);
    for (const s of hits) matched.push({ line, id: s.id, name: `${s.firstName} ${s.lastName}` });
  }
  return { matched, unmatched };
}
