import { sql } from 'drizzle-orm';
import { fromDrizzle, fromPglite, PgBoss } from 'pg-boss';
import type { AppContext } from '../app/context';
import type { Database } from '../db/engine';
import { jobDefinitions } from './definitions';
import type { JobQueue } from './queue';
import { moveJobsFromOldBossSchema, parkOldBossSchema } from './upgrade-old-schema';

/** The PostgreSQL schema pg-boss keeps its tables in. */
export const BOSS_SCHEMA = 'pgboss';

/** The pg-boss queue: on PostgreSQL with its own pool, on PGlite through the shared client. */
export async function startJobs(database: Database, databaseUrl: string | undefined) {
  await parkOldBossSchema(database.db, BOSS_SCHEMA);
  const boss = new PgBoss({
    ...(databaseUrl
      ? { connectionString: databaseUrl, max: 4 }
      : { db: fromPglite(pgliteOf(database)), backend: 'pglite' as const }),
    schema: BOSS_SCHEMA,
  });
  boss.on('error', (error) => console.error('[jobs]', error));
  await boss.start();
  for (const definition of jobDefinitions) {
    await boss.createQueue(definition.name, {
      retryLimit: 5,
      retryDelay: 10,
      retryBackoff: true,
    });
  }
  await moveJobsFromOldBossSchema(database.db, boss, BOSS_SCHEMA);
  const queue: JobQueue = {
    async send(tx, name, data, options) {
      await boss.send(name, data, { ...options, db: fromDrizzle(tx as never, sql) });
    },
  };
  return { boss, queue };
}

function pgliteOf(database: Database) {
  if (!database.pglite) throw new Error('jobs: no DATABASE_URL and no embedded PGlite client');
  return database.pglite;
}

/** Registers the workers and the schedules (cron in Europe/Oslo). */
export async function startWorkers(boss: PgBoss, ctx: AppContext): Promise<void> {
  for (const definition of jobDefinitions) {
    await boss.work<Record<string, unknown>>(definition.name, { pollingIntervalSeconds: 1 }, async (jobs) => {
      for (const job of jobs) await definition.handle(ctx, job.data ?? {});
    });
    if (definition.cron) await boss.schedule(definition.name, definition.cron, {}, { tz: 'Europe/Oslo' });
  }
}
