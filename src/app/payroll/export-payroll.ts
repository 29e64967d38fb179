import { payrollToCsv } from '../../adapters/payroll/csv';
import { payrollToXlsx } from '../../adapters/payroll/xlsx';
import { loadCatalog } from '../../db/repositories/catalog';
import { insertPayrollExport } from '../../db/repositories/payroll';
import type { PayrollRow, PayrollSnapshotRow } from '../../domain/payroll';
import { recordAudit } from '../audit';
import type { AppContext, CompanyAdminActor } from '../context';
import { departmentFilter } from '../departments/department-filter';
import { loadPayrollBasis } from './get-payroll-basis';

export function snapshotOf(rows: PayrollRow[]): PayrollSnapshotRow[] {
  return rows.map((r) => ({
    subscriptionId: r.subscriptionId,
    firstName: r.firstName,
    lastName: r.lastName,
    endDate: r.endDate,
    priceOre: r.priceOre,
    deductionOre: r.deductionOre,
  }));
}

type PayrollFormat = 'csv' | 'xlsx';
type PayrollBasis = Awaited<ReturnType<typeof loadPayrollBasis>>;

/** The basis as a CSV or XLSX file (a pure rendering: nothing is recorded). */
async function payrollFile(basis: PayrollBasis, format: PayrollFormat) {
  const name = `lonnstrekk-${basis.month}${basis.final ? '' : '-forelopig'}`;
  return format === 'csv'
    ? { filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body: payrollToCsv(basis) }
    : {
        filename: `${name}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await payrollToXlsx(basis),
      };
}

/**
 * Downloads the basis as a file without recording anything: a GET changes no state (issue 12.8),
 * so the "changes since the last export" baseline stays where it is. `department` narrows it to
 * one department (or `none`, issue 16 item 3).
 */
export async function downloadPayroll(
  ctx: AppContext,
  input: { actor: CompanyAdminActor; month: string; format: PayrollFormat; department?: string },
) {
  const catalog = await loadCatalog(ctx.db);
  const basis = await loadPayrollBasis(
    ctx.db,
    input.actor.companyId,
    input.month,
    catalog,
    departmentFilter(input.actor, input.department),
  );
  return payrollFile(basis, input.format);
}

/**
 * Rule 12: exports the basis as a CSV or XLSX file. Each export is recorded with what it contained
 * (so the next one can tell what changed) and audited, in one transaction. Only a POST calls this.
 */
export async function exportPayroll(
  ctx: AppContext,
  input: { actor: CompanyAdminActor; month: string; format: PayrollFormat },
) {
  const now = ctx.clock.now();
  const companyId = input.actor.companyId;
  const catalog = await loadCatalog(ctx.db);
  const basis = await ctx.db.transaction(async (tx) => {
    // A department admin's export holds their departments only (issue 16 item 4).
    const b = await loadPayrollBasis(
      tx,
      companyId,
      input.month,
      catalog,
      departmentFilter(input.actor, undefined),
    );
    const row = await insertPayrollExport(tx, {
      companyId,
      month: b.month,
      format: input.format,
      final: b.final ? 1 : 0,
      rows: snapshotOf(b.rows),
      createdBy: input.actor.userId,
      createdAt: now,
    });
    await recordAudit(tx, input.actor, now, {
      companyId,
      action: 'payroll.exported',
      entityType: 'payroll_export',
      entityId: row.id,
      after: { month: b.month, format: input.format, final: b.final, rows: b.rows.length, totals: b.totals },
    });
    return b;
  });
  return payrollFile(basis, input.format);
}
