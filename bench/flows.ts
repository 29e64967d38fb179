/**
 * Steps the HTTP benchmarks share (bench:scale, bench:hot): a bounded pool of tasks, the
 * development outbox as the phone, one employee's SMS-code sign-in and order, and a company whose
 * orders are approved at once.
 */
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../src/adapters/passwords';
import type { Database } from '../src/db/engine';
import { companies, users } from '../src/db/schema';
import { TestClient } from '../test/support/client';
import { type AppProcess, overHttp, startAppProcess } from '../test/support/processes';

const OPERATOR = { email: 'operator@example.no', password: 'operator-password-123' };
const ADMIN_PASSWORD = 'Et langt og godt benkepassord 2027';

let phoneSeq = 0;
let ipSeq = 0;
const phoneBase = 41_000_000 + Math.floor(Math.random() * 900) * 1000;
/** A Norwegian mobile number not used before in this run. */
export const nextPhone = () => `+47${phoneBase + ++phoneSeq}`;
/** A client address not used before in this run (the product trusts X-Forwarded-For from loopback). */
export const nextIp = () => `10.77.${(++ipSeq >> 8) & 255}.${ipSeq & 255}`;

/** Runs `n` tasks with at most `width` at once; resolves with the elapsed milliseconds. */
export async function pool(n: number, width: number, task: (i: number) => Promise<void>): Promise<number> {
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
export async function lastMessage(client: TestClient, to: string): Promise<string> {
  for (let tries = 0; tries < 100; tries++) {
    const r = await client.get(`/api/dev/outbox?to=${encodeURIComponent(to)}&limit=5`);
    const body = (r.body.messages as { body: string }[] | undefined)?.[0]?.body;
    if (body) return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no message to ${to}`);
}

/** One employee's SMS-code sign-in through the order link at `url`; the signed-in client. */
export async function signIn(url: string, orderToken: string) {
  const client = new TestClient(overHttp(url));
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
  return { client, phone };
}

/** The body of an employee's order of one zone, as the order page sends it. */
export const ORDER_BODY = {
  firstName: 'Benk',
  lastName: 'Ansatt',
  zoneIds: ['kristiansand'],
  categoryId: 'voksen',
  fields: {},
  consent: true,
};

/** One employee's order through the product at `url`: code by SMS, sign-in, order; their ticket token and client. */
export async function orderOnce(url: string, orderToken: string) {
  const { client, phone } = await signIn(url, orderToken);
  const ordered = await client.post('/api/me/subscriptions', ORDER_BODY);
  if (ordered.status !== 201) throw new Error(`order: ${ordered.status} ${ordered.text}`);
  for (let tries = 0; tries < 100; tries++) {
    const token = /\/billett\/([A-Za-z0-9_-]{20,})/.exec(await lastMessage(client, phone))?.[1];
    if (token) return { token, client, phone };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no ticket link');
}

/**
 * Registers a company through the operator (on the product at `url`) whose orders are approved at
 * once, with its admin signed in; the company's id, its order link's token and the admin's client.
 */
export async function automaticCompany(database: Database, url: string, orgNumber = '974760673') {
  const operator = new TestClient(overHttp(url));
  await operator.login(OPERATOR.email, OPERATOR.password);
  const email = `benk-${Date.now()}@bedrift.example`;
  const registered = await operator.post('/api/operator/companies', {
    orgNumber,
    name: 'Benk AS',
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
  const admin = new TestClient(overHttp(url));
  await admin.login(email, ADMIN_PASSWORD);
  const orderToken = String((await admin.get('/api/company/order-link')).body.url).split('/bestill/')[1]!;
  return { companyId: registered.body.id as string, orderToken, admin };
}

/**
 * The environment a benchmark starts the product with on its scratch database: proxies on loopback
 * trusted (the load generator sends X-Forwarded-For), no SMS budgets, quiet logs.
 */
export function benchEnv(url: string): Record<string, string> {
  return {
    DATABASE_URL: url,
    TRUST_PROXY: 'loopback',
    SMS_HOURLY_BUDGET: '0',
    SMS_HOURLY_BUDGET_PER_COMPANY: '0',
    LOG_LEVEL: 'error',
  };
}

/** Starts the product as its own process; with `profileDir` it writes a CPU profile there when it stops. */
export function startProduct(env: Record<string, string>, profileDir?: string): Promise<AppProcess> {
  return startAppProcess(
    env,
    profileDir
      ? { args: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--import', 'tsx', 'src/main.ts'] }
      : {},
  );
}
