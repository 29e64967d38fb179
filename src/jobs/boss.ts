import { sql } from 'drizzle-orm';
import { fromDrizzle, fromPglite, PgBoss } from 'pg-boss';
import type { QueueBacklog } from '../adapters/metrics';
import type { AppContext } from '../app/context';
import { SEND_MESSAGE_JOB } from '../app/messages';
import type { Database } from '../db/engine';
import { jobDefinitions } from './definitions';
import type { JobQueue } from './queue';
import { moveJobsFromOldBossSchema, parkOldBossSchema } from './upgrade-old-schema';

/** A running job refreshes its heartbeat every half of this; one silent this long is failed for a retry. */
export const JOB_HEARTBEAT_SECONDS = 30;

/** The PostgreSQL schema pg-boss keeps its tables in. */
export const BOSS_SCHEMA = 'pgboss';

/** The pg-boss queue: on PostgreSQL with its own pool, on PGlite through the shared client. */
export async function startJobs(
  database: Database,
  databaseUrl: string | undefined,
  options: {
    runsJobs?: boolean;
    /** A failed message's first wait and the longest one (seconds); default 10 and 300. */
    messageRetry?: { delaySeconds: number; maxSeconds: number };
    /** Where pg-boss's own errors go (the app's logger); default the console. */
    onError?: (error: Error) => void;
  } = {},
) {
  const runsJobs = options.runsJobs ?? true;
  await parkOldBossSchema(database.db, BOSS_SCHEMA);
  const boss = new PgBoss({
    ...(databaseUrl
      ? { connectionString: databaseUrl, max: 4 }
      : { db: fromPglite(pgliteOf(database)), backend: 'pglite' as const }),
    schema: BOSS_SCHEMA,
    // A web-only process only queues jobs: the schedules and pg-boss's upkeep run in the workers.
    schedule: runsJobs,
    supervise: runsJobs,
  });
  boss.on('error', options.onError ?? ((error) => console.error('[jobs]', error)));
  await boss.start();
  for (const definition of jobDefinitions) {
    // A failed job waits retryDelay, then about twice as long each time (pg-boss backoff). A job
    // whose worker died (kill -9, a lost machine) sends no heartbeat: after JOB_HEARTBEAT_SECONDS
    // the supervisor of any worker fails it back to the queue, instead of after the expiry (15 min).
    const isMessage = definition.name === SEND_MESSAGE_JOB;
    const settings = {
      retryLimit: 5,
      retryDelay: isMessage ? (options.messageRetry?.delaySeconds ?? 10) : 10,
      retryBackoff: true,
      heartbeatSeconds: JOB_HEARTBEAT_SECONDS,
      ...(isMessage ? { retryDelayMax: options.messageRetry?.maxSeconds ?? 300 } : {}),
    };
    await boss.createQueue(definition.name, settings);
    // An existing queue keeps its settings from createQueue: apply the current ones.
    await boss.updateQueue(definition.name, settings);
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

/**
 * Registers the workers and the schedules (cron in Europe/Oslo; `cron` replaces a job's expression,
 * for tests). pg-boss creates each scheduled job once per slot however many workers run.
 */
export async function startWorkers(
  boss: PgBoss,
  ctx: AppContext,
  cron: Record<string, string> = {},
): Promise<void> {
  for (const definition of jobDefinitions) {
    const options = { pollingIntervalSeconds: 1, localConcurrency: definition.concurrency ?? 1 };
    const handle = async (jobs: { data?: Record<string, unknown> }[]) => {
      for (const job of jobs) await definition.handle(ctx, job.data ?? {});
    };
    await boss.work<Record<string, unknown>>(definition.name, options, handle);
    if (definition.urgentLane) {
      await boss.work<Record<string, unknown>>(
        definition.name,
        {
          pollingIntervalSeconds: 0.5,
          localConcurrency: definition.urgentLane.concurrency,
          minPriority: definition.urgentLane.minPriority,
        },
        handle,
      );
    }
    const expression = cron[definition.name] ?? definition.cron;
    if (expression) await boss.schedule(definition.name, expression, {}, { tz: 'Europe/Oslo' });
  }
}

/**
 * Per queue: jobs waiting (created or retry) and the age in seconds of the oldest one that is due,
 * read straight from pg-boss's job table (one grouped statement) for /metrics.
 */
export async function queueBacklog(database: Database): Promise<QueueBacklog[]> {
  const { rows } = await database.executeSql(
    `select name,
            count(*)::int as waiting,
            coalesce(extract(epoch from now() - min(created_on) filter (where start_after <= now())), 0)::float
              as oldest
       from ${BOSS_SCHEMA}.job
      where state in ('created', 'retry')
      group by name`,
  );
  const byName = new Map(rows.map((row) => [String(row.name), row]));
  return jobDefinitions.map(({ name }) => ({
    queue: name,
    waiting: Number(byName.get(name)?.waiting ?? 0),
    oldestSeconds: Number(byName.get(name)?.oldest ?? 0),
  }));
}

/** Readiness of the job queue: pg-boss runs and its schema is the one this code expects. */
export async function queueReady(database: Database, boss: PgBoss): Promise<void> {
  const version = await boss.schemaVersion();
  if (version === null) throw new Error('the job queue schema is missing');
  await database.executeSql(`select 1 from ${BOSS_SCHEMA}.job limit 1`);
}
