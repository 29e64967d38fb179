import { Writable } from 'node:stream';
import { exportJWK, generateKeyPair } from 'jose';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../src/adapters/clock';
import { scopedLogger } from '../../src/adapters/logging';
import { createMetrics } from '../../src/adapters/metrics';
import type { AppContext } from '../../src/app/context';
import { queueMessage } from '../../src/app/messages';
import type { MessageTransport } from '../../src/app/ports';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/db/engine';
import { buildServer } from '../../src/http/server';
import { queueBacklog, startJobs } from '../../src/jobs/boss';
import { RecordingJobQueue } from '../../src/jobs/queue';
import { MAX_SEND_ATTEMPTS, sendMessage } from '../../src/jobs/send-message';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { openTestDatabase, testEngines } from '../support/engines';
import { createCompany, createSubscription } from '../support/factories';
import { OPERATOR } from '../support/test-app';

async function signingJwk() {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return { ...(await exportJWK(privateKey)), kid: 'observability-test', alg: 'EdDSA' };
}

/** The value of one sample of the Prometheus text, or 0 when it is not there. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const ok = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
    if (ok) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

describeEachEngine('observability: /metrics, /ready, request ids (issue 18.3)', (app) => {
  it('/metrics is the Prometheus text format with requests, errors and durations per route pattern', async () => {
    const client = new TestClient(app().server);
    await client.get('/api/tickets/not-a-real-token-123');
    await client.get('/api/tickets/another-unknown-token');
    const r = await app().server.inject({ method: 'GET', url: '/metrics' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const route = '/api/tickets/:ticketAccessToken';
    expect(sample(r.body, 'bb_http_requests_total', { route, status: '404' })).toBe(2);
    expect(sample(r.body, 'bb_http_request_errors_total', { route, class: '4xx' })).toBe(2);
    expect(sample(r.body, 'bb_http_request_duration_seconds_count', { route })).toBe(2);
    // The URL with its token never becomes a label.
    expect(r.body).not.toContain('not-a-real-token-123');
    expect(r.body).toContain('process_resident_memory_bytes');
  });

  it('counts failed logins (password) and rate-limit hits', async () => {
    const before = (await app().server.inject({ method: 'GET', url: '/metrics' })).body;
    const client = new TestClient(app().server);
    const wrong = await client.post('/api/auth/login', {
      email: OPERATOR.email,
      password: 'wrong-password-123',
    });
    expect(wrong.status).toBe(401);
    const after = (await app().server.inject({ method: 'GET', url: '/metrics' })).body;
    expect(
      sample(after, 'bb_login_failures_total', { kind: 'password' }) -
        sample(before, 'bb_login_failures_total', { kind: 'password' }),
    ).toBe(1);
    let limited = 0;
    for (let i = 0; i < 30 && limited === 0; i++) {
      const r = await client.post('/api/auth/login', {
        email: 'rate-limit-probe@example.no',
        password: `wrong-${i}-password`,
      });
      if (r.status === 429) limited++;
    }
    expect(limited).toBe(1);
    const last = (await app().server.inject({ method: 'GET', url: '/metrics' })).body;
    expect(sample(last, 'bb_rate_limit_hits_total', { code: 'TOO_MANY_REQUESTS' })).toBeGreaterThanOrEqual(1);
  });

  it('a billing run counts its duration and its lines', async () => {
    const a = await createCompany(app());
    await createSubscription(app(), { companyId: a.company.id, startDate: '2027-01-01' });
    await createSubscription(app(), { companyId: a.company.id, startDate: '2027-01-01' });
    app().setNow('2027-02-01T07:00:00+01:00');
    const op = new TestClient(app().server);
    await op.login(OPERATOR.email, OPERATOR.password);
    expect((await op.post('/api/operator/billing-runs', { month: '2027-01' })).status).toBe(200);
    const text = await app().ctx.metrics.registry.metrics();
    expect(sample(text, 'bb_billing_lines_total', { trigger: 'operator' })).toBe(2);
    expect(sample(text, 'bb_billing_run_duration_seconds_count', { trigger: 'operator' })).toBe(1);
  });

  it('/ready checks the database and its migrations; /health stays the contract', async () => {
    const ready = await app().server.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: 'ready',
      checks: { database: { ok: true }, migrations: { ok: true } },
    });
    const health = await app().server.inject({ method: 'GET', url: '/health' });
    expect(health.json()).toEqual({ status: 'ok' });
  });

  it('the response carries X-Request-Id: a well-formed incoming one is kept, anything else replaced', async () => {
    const fresh = await app().server.inject({ method: 'GET', url: '/health' });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await app().server.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'lb-7f3a9c2e-0001' },
    });
    expect(kept.headers['x-request-id']).toBe('lb-7f3a9c2e-0001');
    for (const bad of ['short', 'has space in it', '<script>alert(1)</script>', 'x'.repeat(200)]) {
      const r = await app().server.inject({
        method: 'GET',
        url: '/health',
        headers: { 'x-request-id': bad },
      });
      expect(r.headers['x-request-id']).not.toBe(bad);
      expect(r.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('observability: logs and production (issue 18.3)', () => {
  let database: Database;
  const lines: Record<string, unknown>[] = [];
  let server: Awaited<ReturnType<typeof buildServer>>;
  let ctx: AppContext;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const root = pino({ level: 'info' }, sink);
    const config = loadConfig({
      NODE_ENV: 'production',
      OPERATOR_EMAIL: 'drift@kollektiv.example',
      OPERATOR_PASSWORD: 'a-real-long-password',
      SESSION_SECRET: 'x'.repeat(40),
      PUBLIC_URL: 'https://billett.example.no',
      TICKET_SIGNING_KEYS: JSON.stringify([await signingJwk()]),
      METRICS_TOKEN: 'the-metrics-token-of-this-test',
      SMS_TRANSPORT: 'outbox',
      EMAIL_TRANSPORT: 'outbox',
    });
    ctx = {
      database,
      db: database.db,
      clock: new AdjustableClock(),
      config,
      jobs: new RecordingJobQueue(),
      log: scopedLogger(root),
      metrics: createMetrics(),
    };
    server = await buildServer(ctx, { loggerInstance: root });
    // A route whose use case logs through ctx.log, as the product's use cases do.
    server.get('/test/log-from-use-case', async () => {
      await Promise.resolve();
      ctx.log.info({ step: 'use-case' }, 'a use case line');
      return { ok: true };
    });
    await server.ready();
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('every log line of a request carries its request id, the use case’s lines too; production logs JSON', async () => {
    const r = await server.inject({
      method: 'GET',
      url: '/test/log-from-use-case',
      headers: { 'x-request-id': 'trace-0123456789' },
    });
    expect(r.headers['x-request-id']).toBe('trace-0123456789');
    const mine = lines.filter((line) => line.reqId === 'trace-0123456789');
    expect(mine.map((line) => line.msg)).toEqual([
      'incoming request',
      'a use case line',
      'request completed',
    ]);
    // Job lines (outside a request) carry none.
    ctx.log.info({}, 'a job line');
    expect(lines.at(-1)).toMatchObject({ msg: 'a job line' });
    expect(lines.at(-1)).not.toHaveProperty('reqId');
  });

  it('in production /metrics needs the bearer token (401 without or with a wrong one)', async () => {
    expect((await server.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const wrong = await server.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer not-the-metrics-token-of-it' },
    });
    expect(wrong.statusCode).toBe(401);
    const ok = await server.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer the-metrics-token-of-this-test' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('bb_http_requests_total');
  });

  it('/ready is 503 naming the failed check when the database is gone', async () => {
    const other = await openTestDatabase('pglite');
    const broken = await buildServer({ ...ctx, database: other, db: other.db }, { logger: false });
    await other.close();
    const r = await broken.inject({ method: 'GET', url: '/ready' });
    expect(r.statusCode).toBe(503);
    expect(r.json().checks.database).toEqual({ ok: false });
    // No SQL, host or port for an anonymous caller: the reason is in the log only.
    expect(r.body).not.toMatch(/select|127\.0\.0\.1|5432|closed/i);
    await broken.close();
  });
});

for (const engine of testEngines()) {
  describe(`observability: job queue and messages (issue 18.3) [${engine}]`, () => {
    let database: Database & { url?: string };
    let jobs: Awaited<ReturnType<typeof startJobs>>;

    beforeAll(async () => {
      database = await openTestDatabase(engine);
      jobs = await startJobs(database, database.url);
    });
    afterAll(async () => {
      await jobs.boss.stop({ graceful: false });
      await database.close();
    });

    it('queue depth and the oldest waiting job per queue; messages sent and failed per channel and kind', async () => {
      const metrics = createMetrics();
      metrics.setQueueBacklogSource(() => queueBacklog(database));
      for (const key of ['m-1', 'm-2']) {
        await database.db.transaction((tx) =>
          queueMessage(tx, jobs.queue, {
            channel: 'sms',
            to: '+4791234567',
            body: 'x',
            idempotencyKey: key,
            kind: 'otp',
          }),
        );
      }
      const text = await metrics.registry.metrics();
      expect(sample(text, 'bb_job_queue_depth', { queue: 'send-message' })).toBe(2);
      expect(sample(text, 'bb_job_queue_depth', { queue: 'billing-monthly' })).toBe(0);
      expect(sample(text, 'bb_job_queue_oldest_seconds', { queue: 'send-message' })).toBeGreaterThanOrEqual(
        0,
      );

      const { rows } = await database.executeSql(
        `select id, idempotency_key from messages order by idempotency_key`,
      );
      const ok: MessageTransport = { deliver: async () => ({ providerId: 'p' }) };
      const broken: MessageTransport = {
        deliver: async () => {
          throw new Error('provider down');
        },
      };
      await sendMessage(database.db, ok, String(rows[0]!.id), () => new Date(), null, metrics);
      for (let i = 1; i < MAX_SEND_ATTEMPTS; i++) {
        await expect(
          sendMessage(database.db, broken, String(rows[1]!.id), () => new Date(), null, metrics),
        ).rejects.toThrow();
      }
      await sendMessage(database.db, broken, String(rows[1]!.id), () => new Date(), null, metrics);
      const after = await metrics.registry.metrics();
      expect(sample(after, 'bb_messages_total', { channel: 'sms', kind: 'otp', outcome: 'sent' })).toBe(1);
      expect(sample(after, 'bb_messages_total', { channel: 'sms', kind: 'otp', outcome: 'failed' })).toBe(1);
      expect(sample(after, 'bb_message_delivery_retries_total', { channel: 'sms', kind: 'otp' })).toBe(
        MAX_SEND_ATTEMPTS - 1,
      );
    });
  });
}
