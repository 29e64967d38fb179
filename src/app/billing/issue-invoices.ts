import type { Tx } from '../../db/engine';
import {
  billingProblems,
  insertMonthInvoices,
  insertMonthLines,
  lockInvoiceCounter,
} from '../../db/repositories/billing';
import { addDays, firstDayOfMonth, lastDayOfMonth, type YearMonth } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { kidForInvoiceNumber } from '../../domain/invoice-kid';
import { type Actor, actorId, actorLabel } from '../context';
import { seller } from './seller';

export type IssuedInvoice = { id: string; companyId: string; number: number; totalOre: number };

/**
 * Invoices the month for those of the given companies that have no live invoice for it yet, inside
 * the caller's transaction, in two steps. First the lines of every invoice are computed and written
 * without any lock, so batches of one run (or two runs) can do this heavy part at the same time.
 * Then the counter lock is taken, which serialises the short numbering step of every
 * invoice-writing transaction: a company invoiced meanwhile by another transaction is seen and
 * skipped (its lines removed), so there is no duplicate and no gap.
 */
export async function issueInvoices(
  tx: Tx,
  input: {
    actor: Actor;
    month: YearMonth;
    companyIds: string[];
    runId: string | null;
    now: Date;
    today: string;
  },
): Promise<IssuedInvoice[]> {
  if (input.companyIds.length === 0) return [];
  const bounds = {
    month: input.month,
    first: firstDayOfMonth(input.month),
    last: lastDayOfMonth(input.month),
  };
  const { invoices: pending, complete } = await insertMonthLines(tx, {
    ...bounds,
    companyIds: input.companyIds,
  });
  if (!complete) {
    // Throwing rolls the caller's transaction back: no invoice is written without all its lines.
    const [problem] = await billingProblems(tx, { ...bounds, companyIds: input.companyIds });
    throw new AppError(problem?.code ?? 'PRICE_MISSING', { details: { ...problem, month: input.month } });
  }
  if (pending.length === 0) return [];
  const counter = await lockInvoiceCounter(tx);
  const issued = await insertMonthInvoices(tx, {
    month: input.month,
    pending,
    runId: input.runId,
    counter,
    kids: pending.map((_, i) => kidForInvoiceNumber(counter + i + 1)),
    issueDate: input.today,
    dueDate: addDays(input.today, seller.paymentTermsDays),
    now: input.now,
    actor: { type: input.actor.type, id: actorId(input.actor), label: actorLabel(input.actor) },
  });
  return issued;
}
