import { sql } from 'drizzle-orm';
import { fromDrizzle, type PgBoss } from 'pg-boss';
import type { Db } from '../db/engine';

/**
 * The oldest pg-boss schema version the current pg-boss migrates by itself (pg-boss 11's rewrite,
 * 25). pg-boss 10, which the product ran until it required Node.js 22, made schema 24.
 */
export const OLDEST_MIGRATABLE_SCHEMA = 25;

/** Where a pg-boss 10 schema waits while the current version installs beside it. */
const PARKED_SCHEMA_SUFFIX = '_v10';

/** One advisory lock key for the upgrade, so two processes starting at once do it once. */
const UPGRADE_LOCK = 5_318_910;

/**
 * Step 1 of the pg-boss 10 → current upgrade (docs/decisions/015), run before the current pg-boss
 * starts. pg-boss 11 rewrote its schema and ships no migration from 10's (schema 24); its
 * maintainers' way is a fresh schema beside the old one and the waiting jobs moved across. So a
 * schema older than {@link OLDEST_MIGRATABLE_SCHEMA} is renamed to `<schema>_v10` and the current
 * pg-boss installs a fresh one under the usual name. A new or current schema is left alone.
 * Returns whether an old schema was parked.
 */
export async function parkOldBossSchema(db: Db, schema: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${UPGRADE_LOCK})`);
    const version = await schemaVersion(tx as unknown as Db, schema);
    if (version === null || version >= OLDEST_MIGRATABLE_SCHEMA) return false;
    await tx.execute(sql.raw(`alter schema ${schema} rename to ${schema}${PARKED_SCHEMA_SUFFIX}`));
    return true;
  });
}

/**
 * Step 2, run once the current pg-boss has started and created the product's queues: every job
 * the old version still had to do (created, retry or active; an active one was cut off by the
 * upgrade and runs again, as after a crash) is inserted into the new queue with its data, priority,
 * singleton key, start time and retry budget left, the old schedules are registered again, and the
 * old schema is dropped. The copy and the drop are one transaction, so a crash in between copies
 * nothing twice. Returns the number of jobs moved (0 when there was nothing to upgrade).
 */
export async function moveJobsFromOldBossSchema(db: Db, boss: PgBoss, schema: string): Promise<number> {
  const parked = `${schema}${PARKED_SCHEMA_SUFFIX}`;
  if (!(await exists(db, `${parked}.job`))) return 0;
  // Queues first, outside the transaction (pg-boss reaches them through its own connection).
  const names = rowsOf<{ name: string }>(
    await db.execute(
      sql.raw(`select distinct name from ${parked}.job union select name from ${parked}.schedule`),
    ),
  );
  for (const { name } of names) if (!(await boss.getQueue(name))) await boss.createQueue(name);

  const schedules: { name: string; cron: string; timezone: string | null; data: unknown }[] = [];
  const moved = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${UPGRADE_LOCK})`);
    if (!(await exists(tx as unknown as Db, `${parked}.job`))) return 0;
    const jobs = rowsOf<{
      id: string;
      name: string;
      data: object | null;
      priority: number;
      singleton_key: string | null;
      start_after: Date;
      retry_limit: number;
      retry_count: number;
      retry_delay: number;
      retry_backoff: boolean;
    }>(
      await tx.execute(
        sql.raw(`select id, name, data, priority, singleton_key, start_after, retry_limit, retry_count,
                        retry_delay, retry_backoff
                   from ${parked}.job where state in ('created', 'retry', 'active') order by created_on`),
      ),
    );
    const byQueue = new Map<string, typeof jobs>();
    for (const job of jobs) byQueue.set(job.name, [...(byQueue.get(job.name) ?? []), job]);
    for (const [name, list] of byQueue) {
      await boss.insert(
        name,
        list.map((job) => ({
          id: job.id,
          data: job.data ?? {},
          priority: job.priority,
          startAfter: job.start_after,
          retryLimit: Math.max(0, job.retry_limit - job.retry_count),
          retryDelay: job.retry_delay,
          retryBackoff: job.retry_backoff,
          ...(job.singleton_key ? { singletonKey: job.singleton_key } : {}),
        })),
        { db: fromDrizzle(tx as never, sql) },
      );
    }
    schedules.push(
      ...rowsOf<(typeof schedules)[number]>(
        await tx.execute(sql.raw(`select name, cron, timezone, data from ${parked}.schedule`)),
      ),
    );
    await tx.execute(sql.raw(`drop schema ${parked} cascade`));
    return jobs.length;
  });
  for (const schedule of schedules) {
    await boss.schedule(schedule.name, schedule.cron, (schedule.data as object | null) ?? {}, {
      ...(schedule.timezone ? { tz: schedule.timezone } : {}),
    });
  }
  return moved;
}

async function schemaVersion(db: Db, schema: string): Promise<number | null> {
  if (!(await exists(db, `${schema}.version`))) return null;
  const [row] = rowsOf<{ version: number }>(
    await db.execute(sql.raw(`select version from ${schema}.version`)),
  );
  return row ? Number(row.version) : null;
}

async function exists(db: Db, table: string): Promise<boolean> {
  const [row] = rowsOf<{ present: boolean }>(
    await db.execute(sql`select to_regclass(${table}) is not null as present`),
  );
  return Boolean(row?.present);
}

function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}
