import PgBoss from 'pg-boss';
import type { AppContext } from '../app/context';
import type { Database } from '../db/engine';
import { jobDefinitions } from './definitions';
import { type JobQueue, txExecutor } from './queue';

/** The pg-boss queue: on PostgreSQL with its own pool, on PGlite through the shared client. */
export async function startJobs(database: Database, databaseUrl: string | undefined) {
  const boss = new PgBoss({
    ...(databaseUrl
      ? { connectionString: databaseUrl, max: 4 }
      : { db: { executeSql: database.executeSql as never } }),
    schema: 'pgboss',
    retryLimit: 5,
    retryDelay: 10,
    retryBackoff: true,
  });
  boss.on('error', (error) => console.error('[jobs]', error));
  await boss.start();
  for (const definition of jobDefinitions) {
    await boss.createQueue(definition.name, {
      name: definition.name,
      retryLimit: 5,
      retryDelay: 10,
      retryBackoff: true,
    });
  }
  const queue: JobQueue = {
    async send(tx, name, data, options) {
      await boss.send(name, data, { ...options, db: txExecutor(tx) as never });
    },
  };
  return { boss, queue };
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
