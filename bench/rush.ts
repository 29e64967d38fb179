/**
 * Benchmark (issue 17 item 4): the order rush. BENCH_RUSH_EMPLOYEES employees (default 500), each
 * already signed in with the SMS code before the clock starts, all order at once
 * (POST /api/me/subscriptions); every BENCH_RUSH_DOUBLE-th of them (default 5th) double-clicks,
 * sending the order twice at once with the same Idempotency-Key, as the web app does (one key per
 * sending, src/web/api.ts). The baseline is the bare Fastify + pg server (bench/hot-bare.ts) that
 * inserts the same rows (employee, subscription, zone set) in one statement per order, at the same
 * concurrency, against the same sessions table, in the same run with alternating rounds. The bare
 * side's sessions are written straight into that table (it reads nothing else of the sign-in).
 *
 * Prints per side the median time for all answers, the non-2xx answers, double clicks answered
 * with two different orders, and the duplicates found in the database afterwards (employees with
 * more than one subscription; must be 0), then the ratio product ÷ bare against the bar ≤ 3×.
 *
 *   npm run bench:rush         (BENCH_DATABASE_URL, default the tests' PostgreSQL server)
 *   BENCH_RUSH_EMPLOYEES=500 BENCH_RUSH_DOUBLE=5 BENCH_ROUNDS=3 npm run bench:rush
 */
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Database } from '../src/db/engine';
import type { AppProcess } from '../test/support/processes';
import { automaticCompany, benchEnv, nextPhone, ORDER_BODY, pool, signIn, startProduct } from './flows';
import { startBare } from './hot-bare';
import { withScratchDatabase } from './scratch-database';

const EMPLOYEES = Number(process.env.BENCH_RUSH_EMPLOYEES ?? 500);
const DOUBLE_EVERY = Number(process.env.BENCH_RUSH_DOUBLE ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BAR = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Employee {
  phone: string;
  cookie: string;
  csrf: string;
}

/** `n` employees signed in with the SMS code on the product at `url`: cookie and CSRF token each. */
async function signedIn(url: string, orderToken: string, n: number): Promise<Employee[]> {
  const out: Employee[] = [];
  await pool(n, 32, async () => {
    const { client, phone } = await signIn(url, orderToken);
    const csrf = (await client.get('/api/auth/csrf')).body.token as string;
    out.push({ phone, csrf, cookie: [...client.cookieJar].map(([k, v]) => `${k}=${v}`).join('; ') });
  });
  return out;
}

/**
 * `n` employee sessions of the company written straight into the sessions table, for the bare
 * server (which reads that table and nothing else of the sign-in): cookie each, no CSRF.
 */
async function bareSessions(database: Database, companyId: string, n: number): Promise<Employee[]> {
  const out = Array.from({ length: n }, () => ({ phone: nextPhone(), cookie: '', csrf: '' }));
  const tokens = out.map(() => randomBytes(32).toString('base64url'));
  out.forEach((e, i) => {
    e.cookie = `bb_session=${tokens[i]}`;
  });
  await database.executeSql(
    `insert into sessions (token_hash, kind, company_id, phone, csrf_token, created_at, last_seen_at, expires_at)
     select encode(sha256(convert_to(t, 'UTF8')), 'hex'), 'employee', $1, p, 'bare', now(), now(), now() + interval '1 hour'
     from unnest($2::text[], $3::text[]) as x(t, p)`,
    [companyId, tokens, out.map((e) => e.phone)],
  );
  return out;
}

/** One POST of the order; the status and the order's id in the answer. */
function order(base: URL, agent: http.Agent, e: Employee, key: string) {
  return new Promise<{ status: number; id: string | null; text: string }>((resolve, reject) => {
    const r = http.request(
      {
        host: base.hostname,
        port: base.port,
        method: 'POST',
        path: '/api/me/subscriptions',
        agent,
        headers: {
          'content-type': 'application/json',
          'accept-encoding': 'identity',
          cookie: e.cookie,
          'x-csrf-token': e.csrf,
          'idempotency-key': key,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let id: string | null = null;
          try {
            id = (JSON.parse(text) as { id?: string }).id ?? null;
          } catch {}
          resolve({ status: res.statusCode ?? 500, id, text });
        });
      },
    );
    r.on('error', reject);
    r.end(JSON.stringify(ORDER_BODY));
  });
}

interface Round {
  ms: number;
  errors: number;
  /** Double clicks whose two successful answers named different orders. */
  split: number;
  /** Subscriptions beyond the first per employee, counted in the database after the round. */
  duplicates: number;
  /** Employees left without a subscription (their only order was refused, e.g. 503). */
  missing: number;
  requests: number;
}

/** Everyone in `employees` orders at once against `baseUrl`; then the database is checked. */
async function rush(database: Database, companyId: string, baseUrl: string, employees: Employee[]) {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  let errors = 0;
  let split = 0;
  let requests = 0;
  const statuses = new Map<number, number>();
  const samples: string[] = [];
  const start = performance.now();
  await Promise.all(
    employees.map(async (e, i) => {
      const key = randomUUID();
      const clicks = i % DOUBLE_EVERY === 0 ? 2 : 1;
      requests += clicks;
      const answers = await Promise.all(Array.from({ length: clicks }, () => order(base, agent, e, key)));
      for (const a of answers.filter((a) => a.status >= 300)) {
        errors++;
        statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
        if (samples.length < 3) samples.push(`${a.status} ${a.text.slice(0, 200)}`);
      }
      const answered = answers.filter((a) => a.status < 300);
      if (new Set(answered.map((a) => a.id)).size > 1) split++;
    }),
  );
  const ms = performance.now() - start;
  agent.destroy();
  if (errors)
    console.log(`  ${baseUrl}: non-2xx ${JSON.stringify([...statuses])}; e.g. ${samples.join(' | ')}`);
  const { rows } = await database.executeSql(
    `select e.phone, count(s.id)::int as n from unnest($2::text[]) as e(phone)
       left join subscriptions s on s.company_id = $1 and s.phone = e.phone group by e.phone`,
    [companyId, employees.map((e) => e.phone)],
  );
  const duplicates = rows.reduce((a, r) => a + Math.max(0, Number(r.n) - 1), 0);
  const missing = rows.filter((r) => Number(r.n) === 0).length;
  return { ms, errors, split, duplicates, missing, requests } satisfies Round;
}

async function main() {
  await withScratchDatabase('bb_bench_rush', async (database, url) => {
    const env = benchEnv(url);
    let product: AppProcess | null = null;
    let bare: Awaited<ReturnType<typeof startBare>> | null = null;
    try {
      // BENCH_RUSH_PROFILE=dir: the product writes a CPU profile (node --cpu-prof) there when it stops.
      const profile = process.env.BENCH_RUSH_PROFILE;
      product = await startProduct(env, profile);
      const { companyId, orderToken } = await automaticCompany(database, product.url);
      bare = await startBare(url, { keys: [] });
      // Warm-up of both servers (plans, JIT, pools) with a few orders each.
      for (const side of [product.url, bare.url]) {
        await rush(database, companyId, side, await signedIn(product.url, orderToken, 16));
      }
      const mine: Round[] = [];
      const theirs: Round[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        console.log(`round ${r + 1}: signing in ${EMPLOYEES} employees with the SMS code…`);
        const forProduct = await signedIn(product.url, orderToken, EMPLOYEES);
        const forBare = await bareSessions(database, companyId, EMPLOYEES);
        // Let the sign-ins' SMS leave the outbox before the clock starts.
        await new Promise((resolve) => setTimeout(resolve, 2000));
        mine.push(await rush(database, companyId, product.url, forProduct));
        theirs.push(await rush(database, companyId, bare.url, forBare));
        const m = mine.at(-1)!;
        const t = theirs.at(-1)!;
        console.log(
          `  product ${m.ms.toFixed(0)} ms (${m.errors} errors, ${m.duplicates} duplicates)   bare ${t.ms.toFixed(0)} ms (${t.errors} errors, ${t.duplicates} duplicates)`,
        );
      }
      const sum = (rs: Round[], k: 'errors' | 'split' | 'duplicates' | 'missing') =>
        rs.reduce((a, r) => a + r[k], 0);
      const ms = median(mine.map((m) => m.ms));
      const bareMs = median(theirs.map((m) => m.ms));
      const ratio = ms / bareMs;
      const clean = (rs: Round[]) =>
        `${sum(rs, 'errors')} errors, ${sum(rs, 'duplicates')} duplicates, ${sum(rs, 'split')} split double clicks, ${sum(rs, 'missing')} missing`;
      console.log(
        `\norder rush: ${EMPLOYEES} signed-in employees order at once, every ${DOUBLE_EVERY}th twice with one Idempotency-Key (${mine[0]!.requests} requests; ${ROUNDS} rounds each side, medians):`,
      );
      console.log(`  product  all answered in ${ms.toFixed(0)} ms   ${clean(mine)}`);
      console.log(`  bare     all answered in ${bareMs.toFixed(0)} ms   ${clean(theirs)}`);
      const ok =
        ratio <= BAR &&
        sum(mine, 'errors') + sum(mine, 'duplicates') + sum(mine, 'split') + sum(mine, 'missing') === 0;
      console.log(
        `  ratio ${ratio.toFixed(1)}× (bar ≤ ${BAR}×, 0 errors, 0 duplicates) ${ok ? 'OK' : 'MISSED'}`,
      );
    } finally {
      await bare?.close();
      await product?.stop();
    }
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
