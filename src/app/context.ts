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
/** A company admin's role (issue 16 item 4): full, or payroll (reads, changes nothing). */
export type CompanyRole = 'full' | 'payroll';
export type CompanyAdminActor = {
  type: 'company_admin';
  userId: string;
  email: string;
  companyId: string;
  /** Absent = full (admins from before roles, and the company's first contact). */
  companyRole?: CompanyRole;
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

/** Issue 16 item 4: what only a full admin reads (other admins, the audit log, the order link). */
export function assertFullAdmin(actor: CompanyAdminActor): void {
  if (actor.companyRole === 'payroll')
    throw new AppError('FORBIDDEN', { details: { reason: 'payroll_role' } });
}
