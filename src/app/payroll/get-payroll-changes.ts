import { loadCatalog } from '../../db/repositories/catalog';
import { lastPayrollExport } from '../../db/repositories/payroll';
import { type PayrollSnapshotRow, payrollChanges } from '../../domain/payroll';
import type { AppContext, CompanyAdminActor } from '../context';
import { departmentFilter } from '../departments/department-filter';
import { snapshotOf } from './export-payroll';
import { loadPayrollBasis } from './get-payroll-basis';

/** Rule 12: who started, ended or changed price since the company's last export. */
export async function getPayrollChanges(ctx: AppContext, input: { actor: CompanyAdminActor; month: string }) {
  const basis = await loadPayrollBasis(
    ctx.db,
    input.actor.companyId,
    input.month,
    await loadCatalog(ctx.db),
    departmentFilter(input.actor, undefined),
  );
  const last = await lastPayrollExport(ctx.db, input.actor.companyId, basis.month);
  const changes = payrollChanges((last?.rows ?? []) as PayrollSnapshotRow[], snapshotOf(basis.rows));
  return {
    month: basis.month,
    since: last
      ? { id: last.id, month: last.month, format: last.format, createdAt: last.createdAt.toISOString() }
      : null,
    ...changes,
  };
}

export type PayrollChangesDto = Awaited<ReturnType<typeof getPayrollChanges>>;
