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
import { TestClient } from '../test/support/client';
import { type AppProcess, overHttp, startAppProcess } from '../test/support/processes';
import { automaticCompany, benchEnv, orderOnce, pool } from './flows';
import { withScratchDatabase } from './scratch-database';

const ORDERS = Number(process.env.BENCH_SCALE_ORDERS ?? 120);
const FETCHES = Number(process.env.BENCH_SCALE_FETCHES ?? 1500);
const CONCURRENCY = Number(process.env.BENCH_SCALE_CONCURRENCY ?? 16);

/** Orders and ticket fetches spread round-robin over `procs`; the rates per second. */
async function measure(procs: AppProcess[], orderToken: string) {
  const tokens: string[] = [];
  const orderMs = await pool(ORDERS, CONCURRENCY, async (i) => {
    tokens.push((await orderOnce(procs[i % procs.length]!.url, orderToken)).token);
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
    const env = benchEnv(url);
    const first = await startAppProcess(env);
    const procs: AppProcess[] = [first];
    try {
      // One company whose orders are approved at once (so each order makes a ticket).
      const { orderToken } = await automaticCompany(database, first.url);

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
