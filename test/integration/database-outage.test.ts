import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../src/adapters/clock';
import { createMetrics } from '../../src/adapters/metrics';
import type { AppContext } from '../../src/app/context';
import { loadConfig } from '../../src/config';
import { type Database, openDatabase } from '../../src/db/engine';
import { subscriptions } from '../../src/db/schema';
import { ensureOperator, seedExampleCatalog } from '../../src/db/seed';
import { isDatabaseUnavailable } from '../../src/http/reply-error';
import { buildServer } from '../../src/http/server';
import { RecordingJobQueue } from '../../src/jobs/queue';
import { openTestDatabase, testEngines } from '../support/engines';
import { startTcpProxy } from '../support/tcp-proxy';
import { OPERATOR, type TestApp } from '../support/test-app';
import { employeeClient, order, orderingCompany } from './employee-support';

/**
 * Issue 18.2: PostgreSQL goes away while orders come in (simulated by cutting a TCP proxy between
 * the product and the server: open connections are reset, new ones refused). Requests then get 503
 * with Retry-After at once, nothing committed is lost, a retried order with its idempotency key is
 * made once, and the product recovers by itself when the database is back.
 */
describe.skipIf(!testEngines().includes('postgres'))('PostgreSQL outage (issue 18.2)', () => {
  let direct: Database & { url?: string };
  let viaProxy: Database;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let app: TestApp;

  beforeAll(async () => {
    direct = await openTestDatabase('postgres');
    const url = new URL(direct.url!);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    viaProxy = await openDatabase({ url: url.toString(), onIdleError: () => undefined });
    const clock = new AdjustableClock();
    clock.set(new Date('2027-01-15T10:00:00+01:00'));
    const jobs = new RecordingJobQueue();
    const ctx: AppContext = {
      database: viaProxy,
      db: viaProxy.db,
      clock,
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS: 'false', DATA_DIR: 'memory://' }),
      jobs,
      log: { info: () => {}, warn: () => {}, error: () => {} },
      metrics: createMetrics(),
    };
    await seedExampleCatalog(viaProxy.db);
    await ensureOperator(viaProxy.db, OPERATOR.email, OPERATOR.password);
    const server = await buildServer(ctx, { devClock: clock, logger: false });
    await server.ready();
    app = {
      engine: 'postgres',
      ctx,
      server,
      clock,
      jobs,
      setNow: (iso) => clock.set(new Date(iso)),
      close: async () => {
        await server.close();
      },
    };
  });
  afterAll(async () => {
    await app?.close();
    await viaProxy?.close().catch(() => undefined);
    await proxy?.close();
    await direct?.close();
  });

  it('requests during the outage are 503 with Retry-After at once; a retried order is made once; it recovers', async () => {
    const company = await orderingCompany(app, { selfService: 'automatic' });
    const first = await employeeClient(app, company.company.orderToken);
    const before = await first.client.post('/api/me/subscriptions', order({ lastName: 'FørBrudd' }));
    expect(before.status).toBe(201);
    const second = await employeeClient(app, company.company.orderToken);
    // The browser has its CSRF token from before (a rejected form fetches it).
    expect((await second.client.post('/api/me/subscriptions', {})).status).toBe(400);

    proxy.cut();
    const key = 'order-during-outage-1';
    const started = Date.now();
    const during = await second.client.post('/api/me/subscriptions', order({ lastName: 'UnderBrudd' }), {
      'idempotency-key': key,
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(during.status).toBe(503);
    expect(during.headers['retry-after']).toBe('5');
    expect(during.body.error.code).toBe('SERVICE_UNAVAILABLE');
    const health = await app.server.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(503);
    const ready = await app.server.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.headers['retry-after']).toBeDefined();

    proxy.restore();
    // The client retries with the same key until it gets through; the pool reconnects by itself.
    let retried = await second.client.post('/api/me/subscriptions', order({ lastName: 'UnderBrudd' }), {
      'idempotency-key': key,
    });
    for (let i = 0; i < 20 && retried.status === 503; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      retried = await second.client.post('/api/me/subscriptions', order({ lastName: 'UnderBrudd' }), {
        'idempotency-key': key,
      });
    }
    expect([200, 201]).toContain(retried.status);
    const again = await second.client.post('/api/me/subscriptions', order({ lastName: 'UnderBrudd' }), {
      'idempotency-key': key,
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(retried.body.id);

    // Nothing committed before the outage is lost, and the retried order exists once.
    const rows = await direct.db
      .select({ id: subscriptions.id, lastName: subscriptions.lastName })
      .from(subscriptions)
      .where(eq(subscriptions.companyId, company.company.id));
    expect(rows.map((r) => r.lastName).sort()).toEqual(['FørBrudd', 'UnderBrudd']);
    expect((await app.server.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
  });

  it('a connection the network froze (no reset, no answer) fails within the query timeout as "unavailable", never hangs', async () => {
    const url = new URL(direct.url!);
    const frozen = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.hostname = '127.0.0.1';
    url.port = String(frozen.port);
    const db = await openDatabase({
      url: url.toString(),
      onIdleError: () => undefined,
      queryTimeoutMs: 1_500,
    });
    try {
      expect((await db.executeSql('select 1 as one')).rows).toEqual([{ one: 1 }]);
      frozen.freeze();
      const started = Date.now();
      const error = await db.executeSql('select 1 as one').then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).not.toBeNull();
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      frozen.restore();
      await Promise.race([db.close(), new Promise((resolve) => setTimeout(resolve, 3_000))]);
      await frozen.close();
    }
  });

  it('the errors of a database that is away are recognised through drizzle’s wrapping', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(new Error('Failed query: select 1', { cause: refused }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection'), { code: '57P01' }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
  });
});
