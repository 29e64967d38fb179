import { randomUUID } from 'node:crypto';
import {
  creditNoteOf,
  findInvoice,
  type InvoiceRow,
  insertInvoices,
  linesOf,
  liveInvoiceFor,
  lockInvoiceCounter,
  markCredited,
  setInvoiceCounter,
} from '../../db/repositories/billing';
import { isUuid } from '../../db/repositories/subscriptions';
import { osloToday } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { kidForInvoiceNumber } from '../../domain/invoice-kid';
import { recordAudit } from '../audit';
import type { AppContext, OperatorActor } from '../context';
import { issueInvoices } from './issue-invoices';
import { announceInvoices } from './notify-billing';

const brief = (i: InvoiceRow) => ({
  id: i.id,
  number: i.number,
  kind: i.kind,
  month: i.month,
  totalOre: i.totalOre,
});

/**
 * Rule 11: a correction is a credit note for the whole invoice plus a new invoice from the current
 * data, never an edit; all in one transaction under the counter lock. Crediting an invoice that is
 * already credited returns what that correction made (a double click credits once).
 */
export async function creditInvoice(
  ctx: AppContext,
  input: { actor: OperatorActor; invoiceId: string; reason: string },
) {
  const reason = input.reason.trim();
  if (!reason || reason.length > 500) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'body.reason', message: '1–500 characters' }],
    });
  }
  const now = ctx.clock.now();
  const today = osloToday(now);
  return ctx.db.transaction(async (tx) => {
    let number = await lockInvoiceCounter(tx);
    const invoice = isUuid(input.invoiceId)
      ? await findInvoice(tx, input.invoiceId, { forUpdate: true })
      : null;
    if (!invoice) throw new AppError('NOT_FOUND');
    if (invoice.kind !== 'invoice')
      throw new AppError('INVOICE_NOT_CREDITABLE', { details: { id: invoice.id } });
    if (invoice.creditedAt) {
      const creditNote = await creditNoteOf(tx, invoice.id);
      const reissued = await liveInvoiceFor(tx, invoice.companyId, invoice.month, {
        departmentId: invoice.departmentId,
      });
      return { creditNote: creditNote && brief(creditNote), invoice: reissued && brief(reissued) };
    }

    number += 1;
    const creditNote: InvoiceRow = {
      ...invoice,
      id: randomUUID(),
      kind: 'credit_note',
      number,
      creditsInvoiceId: invoice.id,
      creditedAt: null,
      note: reason,
      issueDate: today,
      dueDate: today,
      kid: kidForInvoiceNumber(number),
      billingRunId: null,
      createdAt: now,
    };
    const lines = (await linesOf(tx, invoice.id)).map((l) => ({ ...l, invoiceId: creditNote.id }));
    await insertInvoices(tx, [creditNote], lines);
    await setInvoiceCounter(tx, number);
    await markCredited(tx, invoice.id, now);
    await recordAudit(tx, input.actor, now, {
      companyId: invoice.companyId,
      action: 'invoice.credited',
      entityType: 'invoice',
      entityId: invoice.id,
      before: { ...brief(invoice), creditedAt: null },
      after: { ...brief(invoice), creditedAt: now.toISOString(), creditNote: brief(creditNote), reason },
    });

    const [reissued] = await issueInvoices(tx, {
      actor: input.actor,
      month: invoice.month,
      companyIds: [invoice.companyId],
      runId: null,
      now,
      today,
    });
    if (reissued) await announceInvoices(tx, ctx, invoice.month, [reissued]);
    return {
      creditNote: brief(creditNote),
      invoice: reissued ? { ...reissued, kind: 'invoice' as const, month: invoice.month } : null,
    };
  });
}
