import { findDepartment, setSubscriptionDepartment } from '../../db/repositories/departments';
import { findSubscription } from '../../db/repositories/subscriptions';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import {
  type AppContext,
  assertCanChange,
  assertInDepartmentScope,
  type CompanyAdminActor,
} from '../context';
import { resolveDepartment } from '../departments/resolve-department';
import { toSubscriptionDto } from './to-dto';

/**
 * Issue 16 items 2 and 3: puts one subscription in one of the company's departments (null: none),
 * audited with the department before and after. The next invoice bills it under that department;
 * issued invoices are not changed. A department admin moves only their subscriptions, and only into
 * their departments (issue 16 item 4). Returns `changed: false` when it already was there.
 */
export async function moveToDepartment(
  ctx: AppContext,
  input: { actor: CompanyAdminActor; id: string; departmentId: string | null },
) {
  assertCanChange(input.actor);
  const now = ctx.clock.now();
  const companyId = input.actor.companyId;
  return ctx.db.transaction(async (tx) => {
    const sub = await findSubscription(tx, companyId, input.id, { forUpdate: true });
    if (!sub) throw new AppError('NOT_FOUND');
    assertInDepartmentScope(input.actor, sub.departmentId);
    const target = await resolveDepartment(tx, input.actor, companyId, input.departmentId);
    const targetId = target?.id ?? null;
    if (targetId === sub.departmentId) {
      return { subscription: toSubscriptionDto(sub, now), changed: false };
    }
    const before = sub.departmentId ? await findDepartment(tx, companyId, sub.departmentId) : null;
    await setSubscriptionDepartment(tx, companyId, sub.id, targetId, now);
    // Names, not ids: the audit log reads "Avdeling: Salg → Drift" (issue 16 item 7).
    await recordAudit(tx, input.actor, now, {
      companyId,
      action: 'subscription.department_changed',
      entityType: 'subscription',
      entityId: sub.id,
      before: { department: before?.name ?? null },
      after: { department: target?.name ?? null },
    });
    const updated = { ...sub, departmentId: targetId };
    return { subscription: toSubscriptionDto(updated, now), changed: true };
  });
}
