/**
 * Profiling aid for the billing run (issue 6): generates the bench data in a scratch database and
 * prints EXPLAIN ANALYZE of the statement that writes one batch's invoices, then rolls it back.
 *
 *   node --import tsx bench/profile.ts        (BENCH_COMPANIES, BENCH_PER_COMPANY, PROFILE_BATCH as in run.ts)
 */
import { type SQL, sql } from 'drizzle-orm';
import { issueInvoices } from '../src/app/billing/issue-invoices';
import type { Tx } from '../src/db/engine';
import { companiesToBill } from '../src/db/repositories/billing';
import { generate } from './generate';
import { COMPANIES, PER_COMPANY, withScratchDatabase } from './scratch-database';

const BATCH = Number(process.env.PROFILE_BATCH ?? 250);

class Rollback extends Error {}

async function main() {
  await withScratchDatabase('bb_prof', async (database) => {
    await generate(database, '1', COMPANIES, PER_COMPANY);
    const ids = await companiesToBill(database.db, '2027-01', '2027-01-01', '2027-01-31');
    const batch = ids.slice(0, BATCH);
    await database.db
      .transaction(async (tx) => {
        // Every statement of the batch goes through EXPLAIN ANALYZE; only the plans are printed.
        const explaining = new Proxy(tx, {
          get(target, prop, receiver) {
            if (prop !== 'execute') return Reflect.get(target, prop, receiver);
            return async (query: SQL) => {
              // Settings (set local …) cannot be explained: run them as they are.
              if (JSON.stringify(query).includes('set local')) return target.execute(query);
              const result = (await target.execute(
                sql`explain (analyze, buffers, costs off) ${query}`,
              )) as unknown as { rows: { 'QUERY PLAN': string }[] };
              console.log(result.rows.map((r) => r['QUERY PLAN']).join('\n'), '\n');
              return target.execute(query);
            };
          },
        }) as Tx;
        await issueInvoices(explaining, {
          actor: { type: 'system', label: 'profile' },
          month: '2027-01',
          companyIds: batch,
          runId: null,
          now: new Date('2027-02-01T06:00:00+01:00'),
          today: '2027-02-01',
        });
        throw new Rollback();
      })
      .catch((e) => {
        if (!(e instanceof Rollback)) throw e;
      });
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
