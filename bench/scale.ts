/**
 * Benchmark (issue 18 item 7): with two app processes on one PostgreSQL, the throughput of
 * ordering (an employee's SMS-code sign-in and order, automatically approved) and of ticket
 * fetching, against one process doing the same work on the same database in the same run. Prints
 * each figure and the ratio two ÷ one (2.0 would be perfect scaling; on a 2-core machine that also
 * runs PostgreSQL and this client, expect less).
 *
 *   npm run bench:scale        (BENCH_DATABASE_URL, default the tests' PostgreSQL server)
 *   BENCH_SCALE_ORDERS=200 BENCH_SCALE_FETCHES=3000 BENCH_SCALE_CONCURRENCY=24 npm run bench:scale
 */
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../src/adapters/passwords';
import { companies, users } from '../src/db/schema';
import { TestClient } from '../test/support/client';
import { type AppProcess, overHttp, startAppProcess } from '../test/support/processes';
import { withScratchDatabase } from './scratch-database';

const ORDERS = Number(process.env.BENCH_SCALE_ORDERS ?? 120);
const FETCHES = Number(process.env.BENCH_SCALE_FETCHES ?? 1500);
const CONCURRENCY = Number(process.env.BENCH_SCALE_CONCURRENCY ?? 16);
const OPERATOR = { email: 'operator@example.no', password: 'operator-password-123' };
const ADMIN_PASSWORD = 'Et langt og godt benkepassord 2027';

let phoneSeq = 0;
let ipSeq = 0;
const phoneBase = 41_000_000 + Math.floor(Math.random() * 900) * 1000;
const nextPhone = () => `+47${phoneBase + ++phoneSeq}`;
const nextIp = () => `10.77.${(++ipSeq >> 8) & 255}.${ipSeq & 255}`;

/** Runs `n` tasks with at most `width` at once; resolves with the elapsed milliseconds. */
async function pool(n: number, width: number, task: (i: number) => Promise<void>): Promise<number> {
  const start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, n) }, async () => {
      while (next < n) await task(next++);
    }),
  );
  return performance.now() - start;
}

/** The newest message to `to` as the development outbox (the simulated phone) shows it. */
async function lastMessage(client: TestClient, to: string): Promise<string> {
  for (let tries = 0; tries < 100; tries++) {
    const r = await client.get(`/api/dev/outbox?to=${encodeURIComponent(to)}&limit=5`);
    const body = (r.body.messages as { body: string }[] | undefined)?.[0]?.body;
    if (body) return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no message to ${to}`);
}

/** One employee's order through `proc`: code by SMS, sign-in, order; returns their ticket token. */
async function orderOnce(proc: AppProcess, orderToken: string): Promise<string> {
  const client = new TestClient(overHttp(proc.url));
  const phone = nextPhone();
  const ip = nextIp();
  const sent = await client.post(`/api/order/${orderToken}/otp`, { phone }, { 'x-forwarded-for': ip });
  if (sent.status !== 202) throw new Error(`otp: ${sent.status} ${sent.text}`);
  const code = /\b(\d{6})\b/.exec(await lastMessage(client, phone))![1]!;
  const verified = await client.post(
    `/api/order/${orderToken}/otp/verify`,
    { phone, code },
    { 'x-forwarded-for': ip },
  );
  if (verified.status !== 200) throw new Error(`verify: ${verified.status} ${verified.text}`);
  const ordered = await client.post('/api/me/subscriptions', {
    firstName: 'Benk',
    lastName: 'Ansatt',
    zoneIds: ['kristiansand'],
    categoryId: 'voksen',
    fields: {},
    consent: true,
  });
  if (ordered.status !== 201) throw new Error(`order: ${ordered.status} ${ordered.text}`);
  for (let tries = 0; tries < 100; tries++) {
    const token = /\/billett\/([A-Za-z0-9_-]{20,})/.exec(await lastMessage(client, phone))?.[1];
    if (token) return token;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no ticket link');
}

/** Orders and ticket fetches spread round-robin over `procs`; the rates per second. */
async function measure(procs: AppProcess[], orderToken: string) {
  const tokens: string[] = [];
  const orderMs = await pool(ORDERS, CONCURRENCY, async (i) => {
    tokens.push(await orderOnce(procs[i % procs.length]!, orderToken));
  });
  const readers = procs.map((p) => new TestClient(overHttp(p.url)));
  const fetchMs = await pool(FETCHES, CONCURRENCY, async (i) => {
    const r = await readers[i % readers.length]!.get(`/api/tickets/${tokens[i % tokens.length]}`);
    if (r.status !== 200) throw new Error(`ticket: ${r.status} ${r.text}`);
  });
  return { ordersPerSecond: (ORDERS / orderMs) * 1000, fetchesPerSecond: (FETCHES / fetchMs) * 1000 };
}

async function main() {
  await withScratchDatabase('bb_bench_scale', async (database, url) => {
    const env = {
      DATABASE_URL: url,
      TRUST_PROXY: 'loopback',
      SMS_HOURLY_BUDGET: '0',
      SMS_HOURLY_BUDGET_PER_COMPANY: '0',
      LOG_LEVEL: 'error',
    };
    const first = await startAppProcess(env);
    const procs: AppProcess[] = [first];
    try {
      // One company whose orders are approved at once (so each order makes a ticket).
      const operator = new TestClient(overHttp(first.url));
      await operator.login(OPERATOR.email, OPERATOR.password);
      const email = `benk-${Date.now()}@bedrift.example`;
      const registered = await operator.post('/api/operator/companies', {
        orgNumber: '974760673',
        name: 'Skalering AS',
        contact: { name: 'Admin', email },
      });
      if (registered.status !== 201) throw new Error(`register: ${registered.status} ${registered.text}`);
      await database.db
        .update(users)
        .set({ passwordHash: await hashPassword(ADMIN_PASSWORD) })
        .where(eq(users.id, registered.body.adminId));
      await database.db
        .update(companies)
        .set({ selfService: 'automatic' })
        .where(eq(companies.id, registered.body.id));
      const admin = new TestClient(overHttp(first.url));
      await admin.login(email, ADMIN_PASSWORD);
      const orderToken = String((await admin.get('/api/company/order-link')).body.url).split('/bestill/')[1]!;

      await measure([first], orderToken); // warm-up: compiled code, connection pools, caches
      const one = await measure([first], orderToken);
      procs.push(await startAppProcess(env));
      await measure(procs, orderToken);
      const two = await measure(procs, orderToken);

      console.log(
        `\nScale on one PostgreSQL (${ORDERS} orders, ${FETCHES} ticket fetches, ${CONCURRENCY} at once; the same run):`,
      );
      const line = (what: string, a: number, b: number) =>
        console.log(
          `  ${what.padEnd(16)} one process ${a.toFixed(1).padStart(7)}/s   two processes ${b.toFixed(1).padStart(7)}/s   ratio ${(b / a).toFixed(2)}×`,
        );
      line('ordering', one.ordersPerSecond, two.ordersPerSecond);
      line('ticket fetching', one.fetchesPerSecond, two.fetchesPerSecond);
    } finally {
      await Promise.all(procs.map((p) => p.stop()));
    }
  });
}

await main();
