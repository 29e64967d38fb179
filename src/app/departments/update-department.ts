import {
  departmentClash,
  departmentSubscriptionCount,
  findDepartment,
  updateDepartment as updateRow,
} from '../../db/repositories/departments';
import type { DepartmentAddress } from '../../db/schema/departments';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import { type AppContext, assertCanChange, assertFullAdmin, type CompanyAdminActor } from '../context';
import { lockCompany, takenError } from './create-department';
import { auditView, type DepartmentDto, toDepartmentDto } from './department-dto';

export type DepartmentPatch = {
  name?: string;
  costCentre?: string;
  /** null clears it (the company's reference is used). */
  buyerReference?: string | null;
  /** null clears it (the company's address is used). */
  invoiceAddress?: DepartmentAddress | null;
};

/**
 * Issue 16 item 3: a full admin renames or edits a department (name, cost centre, buyer reference,
 * invoice address); unique as at creation; audited with only what changed. Issued invoices keep
 * their snapshot; the next invoice uses the new values. Another company's id is NOT_FOUND.
 */
export async function updateDepartment(
  ctx: AppContext,
  input: { actor: CompanyAdminActor; id: string; patch: DepartmentPatch },
): Promise<DepartmentDto> {
  assertCanChange(input.actor);
  assertFullAdmin(input.actor);
  const now = ctx.clock.now();
  const companyId = input.actor.companyId;
  return ctx.db.transaction(async (tx) => {
    await lockCompany(tx, companyId);
    const current = await findDepartment(tx, companyId, input.id, { forUpdate: true });
    if (!current) throw new AppError('NOT_FOUND');
    const p = input.patch;
    const next = {
      name: p.name ?? current.name,
      costCentre: p.costCentre ?? current.costCentre,
      buyerReference: p.buyerReference === undefined ? current.buyerReference : p.buyerReference || null,
      invoiceAddress: p.invoiceAddress === undefined ? current.invoiceAddress : p.invoiceAddress,
    };
    const clash = await departmentClash(tx, companyId, next, current.id);
    if (clash) throw takenError(clash);
    const updated = await updateRow(tx, companyId, current.id, next, now);
    const before = auditView(current);
    const after = auditView(updated);
    const keys = (Object.keys(after) as (keyof typeof after)[]).filter(
      (k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]),
    );
    if (keys.length > 0) {
      await recordAudit(tx, input.actor, now, {
        companyId,
        action: 'department.updated',
        entityType: 'department',
        entityId: current.id,
        before: Object.fromEntries(keys.map((k) => [k, before[k]])),
        after: { name: updated.name, ...Object.fromEntries(keys.map((k) => [k, after[k]])) },
      });
    }
    return toDepartmentDto(updated, await departmentSubscriptionCount(tx, companyId, current.id));
  });
}
