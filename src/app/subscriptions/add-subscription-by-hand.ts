import { findCompany } from '../../db/repositories/companies';
import { osloToday } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { defaultManualStartDate, validateManualStartDate } from '../../domain/subscription';
import type { AppContext, CompanyAdminActor } from '../context';
import { assertCanChange } from '../context';
import { resolveDepartment } from '../departments/resolve-department';
import { validateOrderFields } from '../employee/order-fields';
import { createSubscription } from './create-subscription';
import { toSubscriptionDto } from './to-dto';

export type ManualSubscriptionInput = {
  firstName: string;
  lastName: string;
  phone: string;
  zoneIds: string[];
  categoryId: string;
  startDate?: string;
  fields?: Record<string, string | number | boolean>;
  /** One of the company's departments (issue 16 item 3); required of a department admin. */
  departmentId?: string | null;
};

/**
 * Seed step 6 ("Nytt abonnement"): the admin adds a subscription by hand. It starts today or later
 * (default the 1st of next month), is approved at once, and the employee gets the ticket SMS.
 * With an idempotency key a double click makes one subscription. The company's own fields are
 * checked as for an employee's order (issue 16 item 8): a field required of employees (e.g. the
 * employee number the payroll basis needs) is required of the admin too; unknown keys are dropped.
 * The department, if given, must be one of the company's (DEPARTMENT_UNKNOWN).
 */
export async function addSubscriptionByHand(
  ctx: AppContext,
  input: { actor: CompanyAdminActor; subscription: ManualSubscriptionInput; idempotencyKey?: string },
) {
  assertCanChange(input.actor);
  const now = ctx.clock.now();
  const today = osloToday(now);
  const s = input.subscription;
  const startDate = s.startDate ? validateManualStartDate(s.startDate, today) : defaultManualStartDate(today);
  return ctx.db.transaction(async (tx) => {
    // The company row lock makes a double click wait and then find the first one by its key.
    const company = await findCompany(tx, input.actor.companyId, { forUpdate: true });
    if (!company) throw new AppError('NOT_FOUND');
    const fields = validateOrderFields(company.orderForm.fields, s.fields ?? {});
    const department = await resolveDepartment(tx, input.actor, company.id, s.departmentId);
    const { subscription, created } = await createSubscription(tx, ctx, {
      actor: input.actor,
      companyId: company.id,
      phone: s.phone,
      firstName: s.firstName,
      lastName: s.lastName,
      categoryId: s.categoryId,
      zoneIds: s.zoneIds,
      startDate,
      state: 'approved',
      source: 'admin',
      fields,
      departmentId: department?.id ?? null,
      idempotencyKey: input.idempotencyKey ? `manual:${input.idempotencyKey}` : null,
    });
    return { subscription: toSubscriptionDto(subscription, now), created };
  });
}
