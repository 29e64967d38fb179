/**
 * Benchmark (issue 16, item 6): the company portal's subscription list at 5 000 subscriptions on
 * PostgreSQL. Prints the time of the first page (limit 50, by name), of a page deep in the list
 * (keyset: costs the same) and of the CSV and XLSX export of every row, each against a plain SQL
 * select of the same rows, as a ratio (the median of BENCH_ROUNDS rounds, default 5).
 *
 *   npm run bench:list      (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_LIST_SIZE=20000 npm run bench:list
 */
import { performance } from 'node:perf_hooks';
import { AdjustableClock } from '../src/adapters/clock';
import { createMetrics } from '../src/adapters/metrics';
import type { AppContext, CompanyAdminActor } from '../src/app/context';
import { exportSubscriptions } from '../src/app/subscriptions/export-subscriptions';
import { listCompanySubscriptions } from '../src/app/subscriptions/list-subscriptions';
import { loadConfig } from '../src/config';
import { RecordingJobQueue } from '../src/jobs/queue';
import { generate } from './generate';
import { withScratchDatabase } from './scratch-database';

const SIZE = Number(process.env.BENCH_LIST_SIZE ?? 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const LIMIT = 50;

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`.padStart(10);

async function main() {
  await withScratchDatabase('bb_bench_list', async (database) => {
    const sql = database.executeSql;
    const clock = new AdjustableClock();
    clock.set(new Date('2027-02-10T10:00:00+01:00'));
    const ctx: AppContext = {
      database,
      db: database.db,
      clock,
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS: 'false', DATA_DIR: 'memory://' }),
      jobs: new RecordingJobQueue(),
      log: { info: () => {}, warn: () => {}, error: () => {} },
      metrics: createMetrics(),
    };
    console.log(`generating one company with ${SIZE} subscriptions beside 100 companies with 50 each…`);
    await generate(database, '1', 100, 50);
    await generate(database, '5', 1, SIZE);
    const [company] = (await sql(`select id from companies where org_number like '5%' limit 1`)).rows as {
      id: string;
    }[];
    const actor: CompanyAdminActor = {
      type: 'company_admin',
      userId: '00000000-0000-4000-8000-000000000000',
      email: 'bench@example.no',
      companyId: company!.id,
    };
    const order = 'order by lower(last_name), lower(first_name), id';
    const plain = (extra: string, limit: string) =>
      sql(`select * from subscriptions where company_id = $1 ${extra} ${order} ${limit}`, [company!.id]);

    // A cursor deep in the list: the page after row SIZE - 2 * LIMIT.
    let cursor: string | null = null;
    let deepAfter = { last: '', first: '', id: '' };
    {
      const all = (await plain('', '')).rows as { id: string; last_name: string; first_name: string }[];
      const row = all[Math.max(0, all.length - 2 * LIMIT)]!;
      deepAfter = { last: row.last_name.toLowerCase(), first: row.first_name.toLowerCase(), id: row.id };
      cursor = Buffer.from(
        JSON.stringify(['name', 'asc', [deepAfter.last, deepAfter.first], deepAfter.id]),
      ).toString('base64url');
    }

    type Item = {
      item: string;
      run: () => Promise<unknown>;
      floor: () => Promise<unknown>;
      floorText: string;
    };
    const items: Item[] = [
      {
        item: `first page (${LIMIT}, by name)`,
        run: () => listCompanySubscriptions(ctx, { actor, limit: LIMIT, sort: 'name' }),
        floor: () => plain('', `limit ${LIMIT + 1}`),
        floorText: `select * … ${order} limit ${LIMIT + 1}`,
      },
      {
        item: `deep page (after row ${SIZE - 2 * LIMIT})`,
        run: () =>
          listCompanySubscriptions(ctx, { actor, limit: LIMIT, sort: 'name', cursor: cursor ?? undefined }),
        floor: () =>
          sql(
            `select * from subscriptions where company_id = $1 and (lower(last_name), lower(first_name), id) > ($2, $3, $4::uuid) ${order} limit ${LIMIT + 1}`,
            [company!.id, deepAfter.last, deepAfter.first, deepAfter.id],
          ),
        floorText: 'the same page by a plain keyset select',
      },
      {
        item: `export CSV (${SIZE} rows)`,
        run: () => exportSubscriptions(ctx, { actor, format: 'csv', lang: 'nb' }),
        floor: () => plain('', ''),
        floorText: `select * … ${order} (all rows)`,
      },
      {
        item: `export XLSX (${SIZE} rows)`,
        run: () => exportSubscriptions(ctx, { actor, format: 'xlsx', lang: 'nb' }),
        floor: () => plain('', ''),
        floorText: `select * … ${order} (all rows)`,
      },
    ];
    // Warm up plans and caches once.
    for (const i of items) {
      await i.run();
      await i.floor();
    }
    const width = Math.max(...items.map((i) => i.item.length));
    for (const i of items) {
      const rounds: { run: number; floor: number }[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const [, run] = await time(i.run);
        const [, floor] = await time(i.floor);
        rounds.push({ run, floor });
      }
      const ratios = rounds.map((r) => r.run / r.floor);
      const chosen = rounds[ratios.indexOf(median(ratios))]!;
      console.log(
        `${i.item.padEnd(width)}  time ${ms(chosen.run)}  plain SQL ${ms(chosen.floor)}  ratio ${(chosen.run / chosen.floor).toFixed(1)}×`,
      );
      console.log(`${''.padEnd(width)}  plain SQL = ${i.floorText}`);
    }
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
