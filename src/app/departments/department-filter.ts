import { isUuid } from '../../db/repositories/subscriptions';
import { AppError } from '../../domain/errors';
import { type Actor, departmentScope } from '../context';

/**
 * What a list, export or payroll basis is narrowed to by department (issue 16 items 3 and 4):
 * `department` — one department's id, or `none` for subscriptions without one — and `scope`, a
 * department admin's departments (null = the whole company).
 */
export type DepartmentFilter = { department?: string; scope: string[] | null };

/**
 * The filter of a request: an id that is not a uuid (or `none`) is VALIDATION_FAILED naming
 * `querystring.department`, never a database error.
 */
export function departmentFilter(actor: Actor, department: string | undefined): DepartmentFilter {
  if (department !== undefined && department !== 'none' && !isUuid(department)) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'querystring.department', problem: 'unknown' }],
    });
  }
  return { department, scope: departmentScope(actor) };
}

/** Whether a row of department `departmentId` (null = none) passes the filter. */
export function passesDepartmentFilter(filter: DepartmentFilter, departmentId: string | null): boolean {
  if (filter.scope && (departmentId === null || !filter.scope.includes(departmentId))) return false;
  if (filter.department === 'none') return departmentId === null;
  if (filter.department) return departmentId === filter.department;
  return true;
}
