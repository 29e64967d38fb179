import type { Tx } from '../../db/engine';
import { type DepartmentRow, findDepartment } from '../../db/repositories/departments';
import { AppError } from '../../domain/errors';
import { type Actor, departmentScope } from '../context';

/**
 * The company's department a subscription is being put in (issue 16 item 3): null for none; an id
 * that is not one of the company's departments — or, for a department admin, not one of theirs
 * (issue 16 item 4) — is DEPARTMENT_UNKNOWN naming `field`. A department admin must choose one.
 */
export async function resolveDepartment(
  tx: Tx,
  actor: Actor,
  companyId: string,
  departmentId: string | null | undefined,
  field = 'body.departmentId',
): Promise<DepartmentRow | null> {
  const scope = departmentScope(actor);
  if (departmentId === null || departmentId === undefined || departmentId === '') {
    if (scope) throw new AppError('DEPARTMENT_UNKNOWN', { details: [{ path: field, problem: 'required' }] });
    return null;
  }
  const department = await findDepartment(tx, companyId, departmentId);
  if (!department || (scope && !scope.includes(department.id)))
    throw new AppError('DEPARTMENT_UNKNOWN', { details: [{ path: field, problem: 'unknown' }] });
  return department;
}
