import { createServer, type Server } from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../src/adapters/clock';
import { createMetrics } from '../../src/adapters/metrics';
import type { AppContext } from '../../src/app/context';
import { queueMessage, SEND_MESSAGE_JOB } from '../../src/app/messages';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/db/engine';
import { messages } from '../../src/db/schema';
import { ensureOperator } from '../../src/db/seed';
import { startJobs, startWorkers } from '../../src/jobs/boss';
import { MAX_SEND_ATTEMPTS } from '../../src/jobs/send-message';
import { openTestDatabase, testEngines } from '../support/engines';
import { eventually, freePort } from '../support/processes';

/**
 * Issue 18.2: the SMS provider down or slow. The HTTP SMS adapter talks to a local gateway that
 * answers 500, never answers, or is not there at all (connection refused), through the real job
 * queue (pg-boss) with the product's workers. Each send is tried MAX_SEND_ATTEMPTS times, waiting
 * longer between tries (backoff), each try bounded by SMS_HTTP_TIMEOUT_SECONDS; then the message is
 * `failed` with the reason, the operator's administrators get one alert, and other messages are
 * delivered meanwhile.
 */
type Mode = 'ok' | 'error' | 'hang';

for (const engine of testEngines()) {
  describe(`the SMS provider down or slow (issue 18.2) [${engine}]`, () => {
    let database: Database & { url?: string };
    let gateway: Server;
    let gatewayUrl: string;
    let refusedUrl: string;
    let jobs: Awaited<ReturnType<typeof startJobs>>;
    /** How the gateway answers a given recipient. */
    const modeFor = new Map<string, Mode>();
    /** Each request the gateway got, by message reference: the time it came. */
    const hits = new Map<string, number[]>();
    const errorLines: Record<string, unknown>[] = [];
    let ctx: AppContext;

    const env = (url: string) =>
      loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATA_DIR: 'memory://',
        SMS_TRANSPORT: 'http',
        SMS_HTTP_URL: url,
        SMS_HTTP_TIMEOUT_SECONDS: '1',
        MESSAGE_RETRY_DELAY_SECONDS: '1',
        MESSAGE_RETRY_DELAY_MAX_SECONDS: '3',
        PUBLIC_URL: 'https://billett.example.no',
      });

    async function queueSms(to: string, key: string, kind = 'order_received') {
      const secrets = kind === 'login_code' ? ['493817'] : [];
      await database.db.transaction((tx) =>
        queueMessage(tx, ctx, {
          channel: 'sms',
          to,
          body: `hei ${key} ${secrets.join('')}`,
          idempotencyKey: key,
          kind,
          secrets,
        }),
      );
      const [row] = await database.db.select().from(messages).where(eq(messages.idempotencyKey, key));
      return row!.id;
    }
    const messageRow = async (id: string) =>
      (await database.db.select().from(messages).where(eq(messages.id, id)))[0]!;

    beforeAll(async () => {
      database = await openTestDatabase(engine);
      gateway = createServer((request, response) => {
        let body = '';
        request.on('data', (chunk) => {
          body += chunk;
        });
        request.on('end', () => {
          const { to, reference } = JSON.parse(body) as { to: string; reference: string };
          hits.set(reference, [...(hits.get(reference) ?? []), Date.now()]);
          const mode = modeFor.get(to) ?? 'ok';
          if (mode === 'hang') return; // never answers; the adapter's timeout ends the wait
          if (mode === 'error') return response.writeHead(500).end('internal error');
          response
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ id: `gw-${reference}` }));
        });
      });
      await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
      const address = gateway.address();
      gatewayUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/sms`;
      refusedUrl = `http://127.0.0.1:${await freePort()}/sms`;

      const config = env(gatewayUrl);
      jobs = await startJobs(database, database.url, { messageRetry: { delaySeconds: 1, maxSeconds: 3 } });
      ctx = {
        database,
        db: database.db,
        clock: new AdjustableClock(),
        config,
        jobs: jobs.queue,
        log: {
          info: () => {},
          warn: () => {},
          error: (obj) => {
            errorLines.push(obj as Record<string, unknown>);
          },
        },
        metrics: createMetrics(),
      };
      await ensureOperator(database.db, 'drift@kollektiv.example', 'a-real-long-password');
      await startWorkers(jobs.boss, ctx);
    }, 120_000);

    afterAll(async () => {
      await jobs?.boss.stop({ graceful: false });
      gateway?.closeAllConnections();
      await new Promise((resolve) => gateway?.close(resolve));
      await database?.close();
    });

    it('answers 500: tried again with growing waits, then failed with the reason; the operator is alerted once', async () => {
      const queue = await jobs.boss.getQueue(SEND_MESSAGE_JOB);
      expect(queue).toMatchObject({ retryLimit: MAX_SEND_ATTEMPTS - 1, retryBackoff: true, retryDelay: 1 });

      modeFor.set('+4790000500', 'error');
      const first = await queueSms('+4790000500', 'fault-500-a');
      const second = await queueSms('+4790000500', 'fault-500-b');
      for (const id of [first, second]) {
        await eventually(
          async () => ((await messageRow(id)).status === 'failed' ? true : undefined),
          120_000,
          `message ${id} failed`,
        );
        const row = await messageRow(id);
        expect(row.attempts).toBe(MAX_SEND_ATTEMPTS);
        expect(row.lastError).toBe('SMS gateway answered 500');
        const times = hits.get(id)!;
        expect(times).toHaveLength(MAX_SEND_ATTEMPTS);
        // Every retry waited at least the configured first delay: never a tight loop.
        const gaps = times.slice(1).map((t, i) => t - times[i]!);
        for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(900);
      }
      // One alert email to the operator's administrator for the hour, not one per message.
      const alerts = await database.db
        .select()
        .from(messages)
        .where(eq(messages.kind, 'operator_delivery_failed'));
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ channel: 'email', to: 'drift@kollektiv.example' });
      expect(alerts[0]!.body).toContain('SMS gateway answered 500');
      expect(alerts[0]!.body).toContain('https://billett.example.no/operator/meldinger');
      expect(errorLines.filter((line) => line.messageId === first)).toHaveLength(1);
      const scraped = (await ctx.metrics.registry.metrics())
        .split('\n')
        .find(
          (line) =>
            line.startsWith('bb_messages_total{') &&
            line.includes('kind="order_received"') &&
            line.includes('outcome="failed"'),
        );
      expect(scraped).toMatch(/ 2$/);
    }, 180_000);

    it('never answers: each try ends at the timeout, and other messages are delivered meanwhile', async () => {
      modeFor.set('+4790000408', 'hang');
      const slow: string[] = [];
      for (let i = 0; i < 5; i++) slow.push(await queueSms('+4790000408', `fault-hang-${i}`));
      // Queued behind five that hang (one after another they would hold the queue for 5 s), a login
      // code to someone else goes out at once.
      const startedAt = Date.now();
      const code = await queueSms('+4790000200', 'fault-hang-other', 'login_code');
      await eventually(
        async () => ((await messageRow(code)).status === 'sent' ? true : undefined),
        30_000,
        'the other message sent',
      );
      expect(Date.now() - startedAt).toBeLessThan(3_000);
      for (const id of slow) {
        await eventually(
          async () => ((await messageRow(id)).status === 'failed' ? true : undefined),
          120_000,
          'the hanging message failed',
        );
        const row = await messageRow(id);
        expect(row.attempts).toBe(MAX_SEND_ATTEMPTS);
        expect(row.lastError).toBe('SMS gateway did not answer within 1 s');
      }
    }, 180_000);

    it('refuses connections: failed with the reason after the last try', async () => {
      // The same product with the gateway address pointing where nothing listens.
      const refusing = { ...ctx, config: env(refusedUrl) };
      await jobs.boss.offWork(SEND_MESSAGE_JOB);
      await startWorkers(jobs.boss, refusing);
      const id = await queueSms('+4790000111', 'fault-refused');
      await eventually(
        async () => ((await messageRow(id)).status === 'failed' ? true : undefined),
        120_000,
        'the refused message failed',
      );
      const row = await messageRow(id);
      expect(row.attempts).toBe(MAX_SEND_ATTEMPTS);
      expect(row.lastError).toBe('SMS gateway unreachable (ECONNREFUSED)');
      expect(hits.get(id)).toBeUndefined();
    }, 180_000);
  });
}
