import {
  deleteDepartment as deleteRow,
  departmentSubscriptionCount,
  findDepartment,
} from '../../db/repositories/departments';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import { type AppContext, assertCanChange, assertFullAdmin, type CompanyAdminActor } from '../context';
import { lockCompany } from './create-department';
import { auditView } from './department-dto';

/**
 * Issue 16 item 3: a full admin deletes a department that no subscription (of any state) belongs
 * to; otherwise DEPARTMENT_IN_USE with the count. Audited. Another company's id is NOT_FOUND.
 */
export async function deleteDepartment(
  ctx: AppContext,
  input: { actor: CompanyAdminActor; id: string },
): Promise<{ deleted: true }> {
  assertCanChange(input.actor);
  assertFullAdmin(input.actor);
  const now = ctx.clock.now();
  const companyId = input.actor.companyId;
  return ctx.db.transaction(async (tx) => {
    await lockCompany(tx, companyId);
    const current = await findDepartment(tx, companyId, input.id, { forUpdate: true });
    if (!current) throw new AppError('NOT_FOUND');
    const used = await departmentSubscriptionCount(tx, companyId, current.id);
    if (used > 0) throw new AppError('DEPARTMENT_IN_USE', { details: { subscriptions: used } });
    await deleteRow(tx, companyId, current.id);
    await recordAudit(tx, input.actor, now, {
      companyId,
      action: 'department.deleted',
      entityType: 'department',
      entityId: current.id,
      before: auditView(current),
    });
    return { deleted: true as const };
  });
}
