import type { FastifyInstance } from 'fastify';
import { AdjustableClock } from '../../src/adapters/clock';
import { createMetrics } from '../../src/adapters/metrics';
import type { AppContext } from '../../src/app/context';
import { loadConfig } from '../../src/config';
import { ensureOperator, seedExampleCatalog } from '../../src/db/seed';
import { buildServer } from '../../src/http/server';
import { RecordingJobQueue } from '../../src/jobs/queue';
import { type EngineName, openTestDatabase } from './engines';

export const OPERATOR = { email: 'operator@example.no', password: 'operator-password-123' };

export interface TestApp {
  engine: EngineName;
  ctx: AppContext;
  server: FastifyInstance;
  clock: AdjustableClock;
  jobs: RecordingJobQueue;
  /** Sets the clock, e.g. setNow('2027-01-15T10:00:00+01:00'). */
  setNow(iso: string): void;
  close(): Promise<void>;
}

/**
 * A whole product on a fresh database (seeded catalog and operator), with a recording job queue
 * and the clock set to `now`. Requests go through fastify's inject: no port is opened. `env`
 * overrides configuration (see src/config.ts).
 */
export async function createTestApp(
  engine: EngineName,
  options: { now?: string; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(engine);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JOBS: 'false',
    DATA_DIR: 'memory://',
    // The tests stand behind a proxy on loopback (inject's peer), so X-Forwarded-For picks a client.
    TRUST_PROXY: 'loopback',
    ...options.env,
  });
  const clock = new AdjustableClock();
  clock.set(new Date(options.now ?? '2027-01-15T10:00:00+01:00'));
  const jobs = new RecordingJobQueue();
  const ctx: AppContext = {
    database,
    db: database.db,
    clock,
    config,
    jobs,
    log: { info: () => {}, warn: () => {}, error: () => {} },
    metrics: createMetrics(),
  };
  await seedExampleCatalog(database.db);
  await ensureOperator(database.db, OPERATOR.email, OPERATOR.password);
  const server = await buildServer(ctx, { devClock: clock, logger: false });
  await server.ready();
  return {
    engine,
    ctx,
    server,
    clock,
    jobs,
    setNow: (iso) => clock.set(new Date(iso)),
    close: async () => {
      await server.close();
      await database.close();
    },
  };
}
