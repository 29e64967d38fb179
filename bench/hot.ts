/**
 * Benchmark (issue 17 items 2 and 3): the hot paths of the product against a bare Fastify 5 + pg
 * server on the same tables (bench/hot-bare.ts), in the same run, alternating rounds: ticket fetch
 * with a DPoP proof, order page, inspection verify, the employee's subscriptions and the first page
 * (50 rows) of a 5,000-subscription company list. Prints each side's req/s and p99 (medians of the
 * rounds) and the ratio product ÷ bare in time per request, against the issue's bars. Then the
 * starving check: ticket fetch p99 alone against while one admin exports the 5,000 subscriptions
 * (CSV) over and over; bar ≤ 2×.
 *
 *   npm run bench:hot          (BENCH_DATABASE_URL, default the tests' PostgreSQL server)
 *   BENCH_HOT_REQUESTS=2000 BENCH_HOT_CONCURRENCY=16 BENCH_ROUNDS=5 npm run bench:hot
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { JWK } from 'jose';
import { newDevice, type TestDevice } from '../test/support/device';
import type { AppProcess } from '../test/support/processes';
import { automaticCompany, benchEnv, nextIp, orderOnce, startProduct } from './flows';
import { startBare } from './hot-bare';
import { withScratchDatabase } from './scratch-database';

const REQUESTS = Number(process.env.BENCH_HOT_REQUESTS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_HOT_CONCURRENCY ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LIST_SIZE = Number(process.env.BENCH_LIST_SIZE ?? 5000);
const TICKETS = 8;

interface Req {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}
interface Result {
  rps: number;
  p99: number;
  errors: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Sends the requests `width` at a time over keep-alive connections; req/s, p99 (ms) and non-2xx. */
async function load(base: string, requests: Req[], width = CONCURRENCY): Promise<Result> {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: width });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const one = (req: Req) =>
    new Promise<void>((resolve, reject) => {
      const start = performance.now();
      const r = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: req.method,
          path: req.path,
          agent,
          headers: {
            ...(req.body === undefined ? {} : { 'content-type': 'application/json' }),
            'accept-encoding': 'identity',
            ...req.headers,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - start);
            if ((res.statusCode ?? 500) >= 300) errors++;
            resolve();
          });
        },
      );
      r.on('error', reject);
      r.end(req.body);
    });
  const start = performance.now();
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < requests.length) await one(requests[next++]!);
    }),
  );
  const elapsed = performance.now() - start;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    rps: (requests.length / elapsed) * 1000,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    errors,
  };
}

interface Path {
  name: string;
  bar: number;
  /** The requests of one round against `base` (fresh DPoP proofs and codes are made per round). */
  make: (base: string, n: number) => Promise<Req[]>;
}

async function main() {
  await withScratchDatabase('bb_bench_hot', async (database, url) => {
    const env = benchEnv(url);
    let product: AppProcess | null = null;
    let bare: Awaited<ReturnType<typeof startBare>> | null = null;
    try {
      // BENCH_HOT_PROFILE=dir: the product writes a CPU profile (node --cpu-prof) there when it stops.
      const profile = process.env.BENCH_HOT_PROFILE;
      product = await startProduct(env, profile);
      const { companyId, orderToken, admin } = await automaticCompany(database, product.url);
      console.log(`ordering ${TICKETS} tickets and activating them on their devices…`);
      const tickets: { token: string; device: TestDevice; codes: string[]; cookie: string }[] = [];
      for (let i = 0; i < TICKETS; i++) {
        const { token, client } = await orderOnce(product.url, orderToken);
        const device = await newDevice(product.url);
        const path = `/api/tickets/${token}`;
        const activated = await client.post(`${path}/activate`, undefined, {
          dpop: await device.proof('POST', `${path}/activate`),
        });
        if (activated.status !== 200) throw new Error(`activate: ${activated.status} ${activated.text}`);
        const codes = (activated.body.codes as { credential: string }[]).map((c) => c.credential);
        const cookie = [...client.cookieJar].map(([k, v]) => `${k}=${v}`).join('; ');
        tickets.push({ token, device, codes, cookie });
      }
      console.log(`adding ${LIST_SIZE} subscriptions to the company…`);
      const sql = database.executeSql;
      await sql(
        `insert into employees (company_id, phone, first_name, last_name)
         select $1, '+4799' || lpad(g::text, 6, '0'), 'Fornavn' || g, 'Etternavn' || g from generate_series(1, $2::int) g`,
        [companyId, LIST_SIZE],
      );
      await sql(
        `insert into subscriptions (company_id, employee_id, state, first_name, last_name, phone, category_id,
           start_date, source, ticket_token_hash, ticket_number, fields)
         select e.company_id, e.id, 'approved', e.first_name, e.last_name, e.phone, 'voksen', '2026-06-01', 'admin',
           md5(e.id::text), 900000000000 + row_number() over (), '{}'::jsonb
         from employees e where e.company_id = $1 and e.phone like '+4799%'`,
        [companyId],
      );
      await sql(
        `insert into subscription_zone_sets (subscription_id, company_id, zone_ids, valid_from)
         select s.id, s.company_id, '["kristiansand"]'::jsonb, s.start_date from subscriptions s
         where s.company_id = $1 and not exists (select 1 from subscription_zone_sets z where z.subscription_id = s.id)`,
        [companyId],
      );
      await sql('analyze');
      const adminCookie = [...admin.cookieJar].map(([k, v]) => `${k}=${v}`).join('; ');
      const jwks = (await (await fetch(`${product.url}/.well-known/jwks.json`)).json()) as { keys: JWK[] };
      bare = await startBare(url, jwks);

      const paths: Path[] = [
        {
          name: 'GET /api/tickets/{token} (DPoP)',
          bar: 3,
          make: async (base, n) =>
            Promise.all(
              Array.from({ length: n }, async (_, i) => {
                const t = tickets[i % tickets.length]!;
                const path = `/api/tickets/${t.token}`;
                return {
                  method: 'GET',
                  path,
                  headers: { dpop: await t.device.proof('GET', path, { htu: `${base}${path}` }) },
                };
              }),
            ),
        },
        {
          name: 'GET /api/order/{orderToken}',
          bar: 3,
          make: async (_base, n) =>
            Array.from({ length: n }, () => ({ method: 'GET', path: `/api/order/${orderToken}` })),
        },
        {
          name: 'POST /api/inspection/verify',
          bar: 3,
          make: async (_base, n) => {
            const codes = await Promise.all(tickets.map((t) => t.device.code(t.codes[0]!, new Date())));
            return Array.from({ length: n }, (_, i) => ({
              method: 'POST',
              path: '/api/inspection/verify',
              headers: { 'x-forwarded-for': nextIp() },
              body: JSON.stringify({ code: codes[i % codes.length] }),
            }));
          },
        },
        {
          name: 'GET /api/me/subscriptions',
          bar: 2,
          make: async (_base, n) =>
            Array.from({ length: n }, (_, i) => ({
              method: 'GET',
              path: '/api/me/subscriptions',
              headers: { cookie: tickets[i % tickets.length]!.cookie },
            })),
        },
        {
          name: `GET /api/company/subscriptions (50 of ${LIST_SIZE})`,
          bar: 3,
          make: async (_base, n) =>
            Array.from({ length: n }, () => ({
              method: 'GET',
              path: '/api/company/subscriptions?limit=50&sort=name',
              headers: { cookie: adminCookie },
            })),
        },
      ];

      const only = process.env.BENCH_HOT_ONLY;
      const lines: string[] = [];
      for (const p of paths) {
        if (only && !p.name.includes(only)) continue;
        // Warm-up: plans, JIT, pools.
        for (const base of [product.url, bare.url]) await load(base, await p.make(base, 200));
        const mine: Result[] = [];
        const theirs: Result[] = [];
        for (let r = 0; r < ROUNDS; r++) {
          mine.push(await load(product.url, await p.make(product.url, REQUESTS)));
          theirs.push(await load(bare.url, await p.make(bare.url, REQUESTS)));
        }
        const errors = mine.reduce((a, m) => a + m.errors, 0) + theirs.reduce((a, m) => a + m.errors, 0);
        const rps = median(mine.map((m) => m.rps));
        const bareRps = median(theirs.map((m) => m.rps));
        const ratio = bareRps / rps;
        const line = `${p.name.padEnd(46)} product ${rps.toFixed(0).padStart(5)} req/s p99 ${median(
          mine.map((m) => m.p99),
        )
          .toFixed(0)
          .padStart(4)} ms   bare ${bareRps.toFixed(0).padStart(5)} req/s p99 ${median(
          theirs.map((m) => m.p99),
        )
          .toFixed(0)
          .padStart(
            4,
          )} ms   ratio ${ratio.toFixed(1)}× (bar ≤ ${p.bar}×) ${ratio <= p.bar ? 'OK' : 'MISSED'}${errors ? `  ${errors} NON-2XX ANSWERS` : ''}`;
        console.log(line);
        lines.push(line);
      }

      if (!only || 'starve'.includes(only)) {
        // Item 3: ticket fetches at a modest rate alone, and while one admin exports the list again and again.
        const fetches = () => paths[0]!.make(product!.url, REQUESTS / 2);
        const alone: number[] = [];
        const busy: number[] = [];
        let exports = 0;
        for (let r = 0; r < ROUNDS; r++) {
          alone.push((await load(product.url, await fetches(), 4)).p99);
          const requests = await fetches();
          let running = true;
          const exporter = (async () => {
            while (running) {
              const res = await fetch(`${product!.url}/api/company/subscriptions/export?format=csv`, {
                headers: { cookie: adminCookie },
              });
              await res.arrayBuffer();
              if (res.status !== 200) throw new Error(`export: ${res.status}`);
              exports++;
            }
          })();
          busy.push((await load(product.url, requests, 4)).p99);
          running = false;
          await exporter;
        }
        const ratio = median(busy) / median(alone);
        const line = `ticket fetch p99 alone ${median(alone).toFixed(0)} ms, while an admin exports ${LIST_SIZE} rows (${exports} exports) ${median(busy).toFixed(0)} ms   ratio ${ratio.toFixed(1)}× (bar ≤ 2×) ${ratio <= 2 ? 'OK' : 'MISSED'}`;
        console.log(line);
        lines.push(line);
      }
      console.log(
        `\nhot paths against the bare stack (${REQUESTS} requests × ${ROUNDS} rounds each side, ${CONCURRENCY} at once; medians; ratio = product time per request ÷ bare):`,
      );
      for (const line of lines) console.log(`  ${line}`);
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
