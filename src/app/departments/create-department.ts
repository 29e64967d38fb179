import type { Tx } from '../../db/engine';
import { findCompany } from '../../db/repositories/companies';
import { departmentClash, insertDepartment } from '../../db/repositories/departments';
import type { DepartmentAddress } from '../../db/schema/departments';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import { type AppContext, assertCanChange, assertFullAdmin, type CompanyAdminActor } from '../context';
import { auditView, type DepartmentDto, toDepartmentDto } from './department-dto';

export type DepartmentInput = {
  name: string;
  costCentre: string;
  /** null/absent = the company's buyer reference. */
  buyerReference?: string | null;
  /** null/absent = the company's invoice address. */
  invoiceAddress?: DepartmentAddress | null;
};

/** DEPARTMENT_TAKEN naming the field whose value another department of the company has. */
export function takenError(field: 'name' | 'costCentre'): AppError {
  return new AppError('DEPARTMENT_TAKEN', { details: [{ path: `body.${field}`, problem: 'taken' }] });
}

/**
 * Issue 16 item 3: a full admin adds a department (name and cost centre unique in the company,
 * case-insensitive: DEPARTMENT_TAKEN naming the field); audited. The company row is locked so two
 * at once cannot both take a name.
 */
export async function createDepartment(
  ctx: AppContext,
  input: { actor: CompanyAdminActor; department: DepartmentInput },
): Promise<DepartmentDto> {
  assertCanChange(input.actor);
  assertFullAdmin(input.actor);
  const now = ctx.clock.now();
  const d = input.department;
  return ctx.db.transaction(async (tx) => {
    await lockCompany(tx, input.actor.companyId);
    const clash = await departmentClash(tx, input.actor.companyId, d);
    if (clash) throw takenError(clash);
    const row = await insertDepartment(
      tx,
      input.actor.companyId,
      {
        name: d.name,
        costCentre: d.costCentre,
        buyerReference: d.buyerReference || null,
        invoiceAddress: d.invoiceAddress ?? null,
      },
      now,
    );
    await recordAudit(tx, input.actor, now, {
      companyId: input.actor.companyId,
      action: 'department.created',
      entityType: 'department',
      entityId: row.id,
      after: auditView(row),
    });
    return toDepartmentDto(row, 0);
  });
}

/** Serialises department changes of one company (unique names and cost centres). */
export async function lockCompany(tx: Tx, companyId: string): Promise<void> {
  if (!(await findCompany(tx, companyId, { forUpdate: true }))) throw new AppError('NOT_FOUND');
}
