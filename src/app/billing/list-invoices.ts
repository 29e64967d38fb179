import { type InvoiceRow, listInvoices } from '../../db/repositories/billing';
import { parseYearMonth } from '../../domain/calendar';
import { type AppContext, type CompanyAdminActor, departmentScope, type OperatorActor } from '../context';

export function toInvoiceDto(i: InvoiceRow, company?: { companyName: string; orgNumber: string }) {
  return {
    id: i.id,
    companyId: i.companyId,
    ...(company ? { companyName: company.companyName, orgNumber: company.orgNumber } : {}),
    month: i.month,
    kind: i.kind,
    number: i.number,
    netOre: i.netOre,
    vatOre: i.vatOre,
    roundingOre: i.roundingOre,
    totalOre: i.totalOre,
    issueDate: i.issueDate,
    dueDate: i.dueDate,
    kid: i.kid,
    creditsInvoiceId: i.creditsInvoiceId,
    ...buyerFacts(i.buyer),
    creditedAt: i.creditedAt?.toISOString() ?? null,
    note: i.note,
  };
}

/** The department (issue 16 item 3) and buyer reference frozen on the invoice. */
function buyerFacts(buyer: Record<string, unknown>) {
  const d = buyer.department as { name?: unknown; costCentre?: unknown } | null | undefined;
  return {
    department: d ? { name: String(d.name ?? ''), costCentre: String(d.costCentre ?? '') } : null,
    buyerReference: typeof buyer.reference === 'string' ? buyer.reference : '',
  };
}

/** Invoiced minus credited: what the listed documents add up to. */
function totals(rows: InvoiceRow[]) {
  const t = { invoices: 0, creditNotes: 0, netOre: 0, vatOre: 0, roundingOre: 0, totalOre: 0 };
  for (const r of rows) {
    const sign = r.kind === 'credit_note' ? -1 : 1;
    if (sign > 0) t.invoices += 1;
    else t.creditNotes += 1;
    t.netOre += sign * r.netOre;
    t.vatOre += sign * r.vatOre;
    t.roundingOre += sign * r.roundingOre;
    t.totalOre += sign * r.totalOre;
  }
  return t;
}

/** The operator sees every company's invoices, by month, with totals. */
export async function listOperatorInvoices(ctx: AppContext, input: { actor: OperatorActor; month?: string }) {
  const month = input.month === undefined ? undefined : parseYearMonth(input.month);
  const rows = await listInvoices(ctx.db, { month });
  return {
    month: month ?? null,
    items: rows.map((r) => toInvoiceDto(r.invoice, r)),
    totals: totals(rows.map((r) => r.invoice)),
  };
}

/**
 * A company admin sees the company's own invoices and credit notes; a department admin only their
 * departments' own invoices (issue 16 item 4).
 */
export async function listCompanyInvoices(ctx: AppContext, input: { actor: CompanyAdminActor }) {
  const rows = await listInvoices(ctx.db, {
    companyId: input.actor.companyId,
    departmentIds: departmentScope(input.actor),
  });
  return { items: rows.map((r) => toInvoiceDto(r.invoice)) };
}

export type InvoiceDto = ReturnType<typeof toInvoiceDto>;
export type OperatorInvoiceList = Awaited<ReturnType<typeof listOperatorInvoices>>;
export type CompanyInvoiceList = Awaited<ReturnType<typeof listCompanyInvoices>>;
