import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { AdjustableClock } from './adapters/clock';
import type { AppContext } from './app/context';
import type { Config } from './config';
import { openDatabase } from './db/engine';
import { ensureOperator, seedExampleCatalog } from './db/seed';
import { buildServer } from './http/server';
import { startJobs, startWorkers } from './jobs/boss';
import { RecordingJobQueue } from './jobs/queue';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Wires the whole product: database (migrated), clock, jobs, seed data and the HTTP server. */
export async function createApp(config: Config, options: { logger?: boolean; webDir?: string } = {}) {
  const log = pino({ level: config.LOG_LEVEL });
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    onIdleError: (error) => log.warn({ err: error }, 'database: an idle connection was closed by the server'),
  });
  const clock = new AdjustableClock();
  if (config.APP_NOW) clock.set(new Date(config.APP_NOW));

  const jobs = config.JOBS ? await startJobs(database, config.DATABASE_URL) : null;
  const ctx: AppContext = {
    database,
    db: database.db,
    clock,
    config,
    jobs: jobs?.queue ?? new RecordingJobQueue(),
    log,
  };

  await seedExampleCatalog(database.db);
  await ensureOperator(database.db, config.OPERATOR_EMAIL, config.OPERATOR_PASSWORD);
  if (jobs) await startWorkers(jobs.boss, ctx);

  const server = await buildServer(ctx, {
    webDir: options.webDir ?? config.WEB_DIR ?? path.join(projectRoot, 'dist', 'web'),
    devClock: config.isDev ? clock : undefined,
    logger: options.logger,
  });

  async function stop() {
    await server.close();
    if (jobs) await jobs.boss.stop({ graceful: false }).catch(() => undefined);
    await database.close();
  }
  return { ctx, server, clock, stop };
}
