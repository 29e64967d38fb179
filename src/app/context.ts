import type { Clock } from '../adapters/clock';
import type { Metrics } from '../adapters/metrics';
import type { Config } from '../config';
import type { Database, Db } from '../db/engine';
import { AppError } from '../domain/errors';
import type { OperatorRole } from '../domain/staff-roles';
import type { JobQueue } from '../jobs/queue';
import type { Logger } from './ports';

/** Everything a use case may reach: the database, the clock, configuration and the job queue. */
export interface AppContext {
  database: Database;
  db: Db;
  clock: Clock;
  config: Config;
  jobs: JobQueue;
  log: Logger;
  /** The process's Prometheus metrics (src/adapters/metrics.ts). */
  metrics: Metrics;
}

export type OperatorActor = {
  type: 'operator';
  userId: string;
  email: string;
  operatorRole: OperatorRole;
};
/**
 * A company admin's role (issue 16 item 4): full; payroll (reads, changes nothing); or department
 * (acts only on the subscriptions of the departments in `departmentIds`).
 */
export type CompanyRole = 'full' | 'payroll' | 'department';
export type CompanyAdminActor = {
  type: 'company_admin';
  userId: string;
  email: string;
  companyId: string;
  /** Absent = full (admins from before roles, and the company's first contact). */
  companyRole?: CompanyRole;
  /** A department admin's departments (issue 16 item 4); ignored for the other roles. */
  departmentIds?: string[];
};
export type EmployeeActor = { type: 'employee'; companyId: string; phone: string };
export type SystemActor = { type: 'system'; label?: string };
export type Actor = OperatorActor | CompanyAdminActor | EmployeeActor | SystemActor;

export function actorLabel(actor: Actor): string {
  switch (actor.type) {
    case 'operator':
    case 'company_admin':
      return actor.email;
    case 'employee':
      return actor.phone;
    case 'system':
      return actor.label ?? 'system';
  }
}

export function actorId(actor: Actor): string | null {
  return actor.type === 'operator' || actor.type === 'company_admin' ? actor.userId : null;
}

/**
 * Issue 16 item 4, the rule every changing company use case starts with: a payroll-only admin
 * reads subscriptions, the payroll basis and invoices, and changes nothing (FORBIDDEN).
 */
export function assertCanChange(actor: Actor): void {
  if (actor.type === 'company_admin' && actor.companyRole === 'payroll') {
    throw new AppError('FORBIDDEN', { details: { reason: 'payroll_role' } });
  }
}

/**
 * Issue 16 item 4: what only a full admin reads or does (other admins, the audit log, the order
 * link, settings, departments): a payroll or department admin gets FORBIDDEN.
 */
export function assertFullAdmin(actor: CompanyAdminActor): void {
  if (actor.companyRole === 'payroll')
    throw new AppError('FORBIDDEN', { details: { reason: 'payroll_role' } });
  if (actor.companyRole === 'department')
    throw new AppError('FORBIDDEN', { details: { reason: 'department_role' } });
}

/**
 * Issue 16 item 4: the departments an actor is limited to — a department admin's list — or null
 * for everyone else (the whole company).
 */
export function departmentScope(actor: Actor): string[] | null {
  return actor.type === 'company_admin' && actor.companyRole === 'department'
    ? (actor.departmentIds ?? [])
    : null;
}

/**
 * Issue 16 item 4: a department admin reaches only subscriptions of their departments; any other
 * (or one without a department) is NOT_FOUND to them, as another company's is.
 */
export function assertInDepartmentScope(actor: Actor, departmentId: string | null): void {
  const scope = departmentScope(actor);
  if (scope && (departmentId === null || !scope.includes(departmentId))) throw new AppError('NOT_FOUND');
}
