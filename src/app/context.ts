import type { Clock } from '../adapters/clock';
import type { Metrics } from '../adapters/metrics';
import type { Config } from '../config';
import type { Database, Db } from '../db/engine';
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
  operatorRole: 'admin' | 'read_only';
};
export type CompanyAdminActor = { type: 'company_admin'; userId: string; email: string; companyId: string };
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
