import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AdjustableClock } from './adapters/clock';
import { createRootLogger, jobQueueErrorLogger, scopedLogger } from './adapters/logging';
import { createMetrics } from './adapters/metrics';
import type { AppContext } from './app/context';
import type { Config } from './config';
import { openDatabase } from './db/engine';
import { ensureOperator, seedExampleCatalog } from './db/seed';
import { baseReadiness } from './http/routes/health';
import { buildServer } from './http/server';
import { queueBacklog, queueReady, startJobs, startWorkers } from './jobs/boss';
import { DATABASE_BACKUP_JOB } from './jobs/definitions';
import { RecordingJobQueue } from './jobs/queue';

/**
 * The project folder (where package.json is): the nearest above this module, so it is the same
 * whether the code runs from `src/` (development, tsx) or from the build in `dist/server/`.
 */
export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

/**
 * Wires the whole product: database (migrated), clock, jobs, seed data and the HTTP server, for the
 * process's ROLE: `web` serves the API and the web app and queues jobs, `worker` runs the job
 * handlers and the schedules and serves only /health, /ready and /metrics, `all` both.
 */
export async function createApp(config: Config, options: { logger?: boolean; webDir?: string } = {}) {
  const rootLog = createRootLogger(config);
  const log = scopedLogger(rootLog);
  const metrics = createMetrics();
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    queryTimeoutMs: config.DB_QUERY_TIMEOUT_MS,
    poolWaitMs: config.DB_POOL_WAIT_MS,
    onIdleError: (error) => log.warn({ err: error }, 'database: an idle connection was closed by the server'),
  });
  const clock = new AdjustableClock();
  if (config.APP_NOW) clock.set(new Date(config.APP_NOW));

  const runsJobs = config.ROLE !== 'web';
  const jobs = config.JOBS
    ? await startJobs(database, config.DATABASE_URL, {
        runsJobs,
        messageRetry: {
          delaySeconds: config.MESSAGE_RETRY_DELAY_SECONDS,
          maxSeconds: config.MESSAGE_RETRY_DELAY_MAX_SECONDS,
        },
        onError: jobQueueErrorLogger(log),
      })
    : null;
  const ctx: AppContext = {
    database,
    db: database.db,
    clock,
    config,
    jobs: jobs?.queue ?? new RecordingJobQueue(),
    log,
    metrics,
  };
  if (jobs) metrics.setQueueBacklogSource(() => queueBacklog(database));

  await database.exclusively(async () => {
    await seedExampleCatalog(database.db);
    await ensureOperator(database.db, config.OPERATOR_EMAIL, config.OPERATOR_PASSWORD);
  });
  if (jobs && runsJobs)
    await startWorkers(jobs.boss, ctx, {
      [DATABASE_BACKUP_JOB]: config.BACKUP_CRON,
      ...cronOverrides(config.JOB_CRON_OVERRIDES),
    });

  const server = await buildServer(ctx, {
    webDir: options.webDir ?? config.WEB_DIR ?? path.join(projectRoot, 'dist', 'web'),
    devClock: config.isDev ? clock : undefined,
    logger: options.logger,
    loggerInstance: rootLog,
    systemOnly: config.ROLE === 'worker',
    readiness: {
      ...baseReadiness(ctx),
      ...(jobs ? { queue: () => queueReady(database, jobs.boss) } : {}),
    },
  });

  /**
   * Stops the process cleanly (SIGTERM): the server takes no new requests and finishes the ones in
   * flight, the job workers fetch nothing new and finish theirs — both within `graceSeconds`; jobs
   * still running then are handed back to the queue (pg-boss fails them for a retry, and every
   * handler is idempotent). Then the database is closed.
   */
  async function stop(graceSeconds = config.SHUTDOWN_GRACE_SECONDS) {
    const grace = graceSeconds * 1000;
    await Promise.all([
      withDeadline(server.close(), grace).catch((error) => log.warn({ err: error }, 'stop: server')),
      jobs?.boss
        .stop({ graceful: true, timeout: grace })
        .catch((error) => log.warn({ err: error }, 'stop: jobs')),
    ]);
    await database.close().catch(() => undefined);
  }
  return { ctx, server, clock, stop };
}

/** `name=cron;name=cron` (JOB_CRON_OVERRIDES, development and tests) as a map. */
function cronOverrides(value: string | undefined): Record<string, string> {
  if (!value) return {};
  return Object.fromEntries(value.split(';').map((pair) => pair.split('=', 2) as [string, string]));
}

/** Resolves when `promise` does or after `ms`, whichever is first. */
function withDeadline(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.then(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
