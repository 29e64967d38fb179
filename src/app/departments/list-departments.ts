import { listDepartments as listRows } from '../../db/repositories/departments';
import { type AppContext, type CompanyAdminActor, departmentScope } from '../context';
import { type DepartmentDto, toDepartmentDto } from './department-dto';

/**
 * Issue 16 item 3: the company's departments by name, with their subscription counts. A department
 * admin sees only their own departments (issue 16 item 4).
 */
export async function listDepartments(
  ctx: AppContext,
  input: { actor: CompanyAdminActor },
): Promise<{ items: DepartmentDto[] }> {
  const scope = departmentScope(input.actor);
  const rows = await listRows(ctx.db, input.actor.companyId, scope ? { ids: scope } : {});
  return { items: rows.map((r) => toDepartmentDto(r, r.subscriptions)) };
}
