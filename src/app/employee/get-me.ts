import type { AppContext, EmployeeActor } from '../context';
import { companyOfEmployee } from './order-company';

/** Who the employee session is: the phone and the company. */
export async function getMe(ctx: AppContext, input: { actor: EmployeeActor }) {
  const company = await companyOfEmployee(ctx.db, input.actor.companyId);
  return {
    phone: input.actor.phone,
    company: { id: company.id, name: company.name, selfService: company.selfService },
  };
}
