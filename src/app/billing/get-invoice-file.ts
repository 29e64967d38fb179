import { invoiceToCsv } from '../../adapters/invoice/csv';
import { invoiceToEhf } from '../../adapters/invoice/ehf';
import { invoiceToPdf } from '../../adapters/invoice/pdf';
import type { Tx } from '../../db/engine';
import { findInvoice, linesOf } from '../../db/repositories/billing';
import { isUuid } from '../../db/repositories/subscriptions';
import type { InvoiceAddress } from '../../db/schema/companies';
import type { InvoiceDocument } from '../../domain/billing';
import { AppError } from '../../domain/errors';
import { type AppContext, type CompanyAdminActor, departmentScope, type OperatorActor } from '../context';
import { seller, sellerVatId } from './seller';

export type InvoiceFormat = 'pdf' | 'ehf' | 'csv';

/** The buyer as the billing run stored it on the invoice (a snapshot, not the live company). */
type InvoiceBuyer = {
  orgNumber: string;
  name: string;
  address: InvoiceAddress | null;
  reference: string;
  department?: { id: string; name: string; costCentre: string } | null;
};

/** A stored `scheme:id` Peppol endpoint (issue 16 item 5) as the document carries it. */
function endpointOf(value: string | undefined): { endpoint?: { scheme: string; id: string } } {
  const at = value?.indexOf(':') ?? -1;
  return value && at > 0 ? { endpoint: { scheme: value.slice(0, at), id: value.slice(at + 1) } } : {};
}

/**
 * The document of one invoice; a company admin reaches only the company's own, a department admin
 * only their departments' (else NOT_FOUND).
 */
export async function loadInvoiceDocument(
  tx: Tx,
  id: string,
  companyId?: string,
  departmentScope: string[] | null = null,
): Promise<InvoiceDocument> {
  const invoice = isUuid(id) ? await findInvoice(tx, id, { companyId }) : null;
  if (!invoice) throw new AppError('NOT_FOUND');
  // Issue 16 item 4: a department admin reads only their departments' own invoices.
  if (departmentScope && !(invoice.departmentId && departmentScope.includes(invoice.departmentId)))
    throw new AppError('NOT_FOUND');
  const credited = invoice.creditsInvoiceId ? await findInvoice(tx, invoice.creditsInvoiceId) : null;
  const lines = await linesOf(tx, invoice.id);
  const buyer = invoice.buyer as InvoiceBuyer;
  return {
    kind: invoice.kind,
    number: invoice.number,
    month: invoice.month,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    kid: invoice.kid,
    note: invoice.note,
    credits: credited ? { number: credited.number, issueDate: credited.issueDate } : null,
    seller: { ...seller, vatId: sellerVatId },
    buyer: {
      orgNumber: buyer.orgNumber,
      name: buyer.name,
      street: buyer.address?.street ?? '',
      postalCode: buyer.address?.postalCode ?? '',
      city: buyer.address?.city ?? '',
      reference: buyer.reference,
      ...endpointOf(buyer.address?.peppolEndpoint),
    },
    department: buyer.department
      ? { name: buyer.department.name, costCentre: buyer.department.costCentre }
      : null,
    lines: lines.map((l) => ({
      lineNo: l.lineNo,
      subscriptionId: l.subscriptionId,
      holderName: l.holderName,
      description: l.description,
      netOre: l.netOre,
      vatOre: l.vatOre,
      grossOre: l.grossOre,
      departmentName: l.departmentName,
      costCentre: l.costCentre,
    })),
    netOre: invoice.netOre,
    vatOre: invoice.vatOre,
    roundingOre: invoice.roundingOre,
    totalOre: invoice.totalOre,
  };
}

/** An invoice as PDF, EHF (UBL XML) or CSV, for its company's admin or the operator. */
export async function getInvoiceFile(
  ctx: AppContext,
  input: { actor: CompanyAdminActor | OperatorActor; invoiceId: string; format: InvoiceFormat },
): Promise<{ filename: string; contentType: string; body: Buffer | string }> {
  const companyId = input.actor.type === 'company_admin' ? input.actor.companyId : undefined;
  const doc = await loadInvoiceDocument(ctx.db, input.invoiceId, companyId, departmentScope(input.actor));
  const base = `${doc.kind === 'credit_note' ? 'kreditnota' : 'faktura'}-${doc.number}`;
  switch (input.format) {
    case 'pdf':
      return { filename: `${base}.pdf`, contentType: 'application/pdf', body: await invoiceToPdf(doc) };
    case 'ehf':
      return {
        filename: `${base}.xml`,
        contentType: 'application/xml; charset=utf-8',
        body: invoiceToEhf(doc),
      };
    case 'csv':
      return { filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: invoiceToCsv(doc) };
  }
}
