/**
 * Benchmark (issue 6): the billing run for 100 000 active subscriptions in 2 000 companies on
 * PostgreSQL, against the floor of a plain `INSERT … SELECT` writing as many rows on the same
 * database; then the payroll export (CSV and XLSX) of one 10 000-employee company.
 *
 *   npm run bench                       (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_COMPANIES=200 BENCH_PER_COMPANY=50 npm run bench   (smaller)
 *   BENCH_ROUNDS=9 npm run bench        (more rounds of run + floor, default 5; the median ratio is reported)
 *   BENCH_BATCH=500 BENCH_CONCURRENCY=3 npm run bench   (other batch sizes and batches at once)
 *   node --import tsx bench/profile.ts  (EXPLAIN ANALYZE of one batch's statement)
 *   node --import tsx bench/instructions.ts  (instructions of one batch's statement and its floor, callgrind)
 */

import { performance } from 'node:perf_hooks';
import { AdjustableClock } from '../src/adapters/clock';
import { createMetrics } from '../src/adapters/metrics';
import { runBillingMonth } from '../src/app/billing/run-billing-month';
import type { AppContext, CompanyAdminActor } from '../src/app/context';
import { exportPayroll } from '../src/app/payroll/export-payroll';
import { loadConfig } from '../src/config';
import { RecordingJobQueue } from '../src/jobs/queue';
import { generate } from './generate';
import { COMPANIES, PER_COMPANY, withScratchDatabase } from './scratch-database';

const PAYROLL_EMPLOYEES = Number(process.env.BENCH_PAYROLL_EMPLOYEES ?? 10_000);
const MONTH = '2027-01';
/** Rounds of run + floor (BENCH_ROUNDS): the report takes the median ratio. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

type Measured = { item: string; ms: number; floorMs: number | null; floor: string; target: boolean };

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One line per measured item: time, floor, ratio (with the issue's target where it applies). */
function report(rows: Measured[]) {
  const width = Math.max(...rows.map((r) => r.item.length));
  for (const r of rows) {
    const ratio = r.floorMs ? r.ms / r.floorMs : null;
    const verdict =
      ratio === null
        ? ''
        : r.target
          ? `(target ≤ 5×) ${ratio <= 5 ? 'OK' : 'MISSED'}`
          : '(no target in issue 6)';
    console.log(
      `${r.item.padEnd(width)}  time ${seconds(r.ms).padStart(8)}  floor ${r.floorMs === null ? '       –' : seconds(r.floorMs).padStart(8)}  ratio ${ratio === null ? '    –' : `${ratio.toFixed(1)}×`.padStart(6)} ${verdict}`,
    );
    if (r.floor) console.log(`${''.padEnd(width)}  floor = ${r.floor}`);
  }
}

async function main() {
  await withScratchDatabase('bb_bench', async (database) => {
    const sql = database.executeSql;
    const clock = new AdjustableClock();
    clock.set(new Date('2027-02-01T06:00:00+01:00'));
    const ctx: AppContext = {
      database,
      db: database.db,
      clock,
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS: 'false', DATA_DIR: 'memory://' }),
      jobs: new RecordingJobQueue(),
      log: { info: () => {}, warn: () => {}, error: () => {} },
      metrics: createMetrics(),
    };
    const total = COMPANIES * PER_COMPANY;
    console.log(`generating ${total} subscriptions in ${COMPANIES} companies…`);
    const [, genMs] = await time(() => generate(database, '1', COMPANIES, PER_COMPANY));
    console.log(`  generated in ${(genMs / 1000).toFixed(1)} s`);
    await sql('create table bench_floor (like invoice_lines including defaults)');

    // The machine may be shared: each round runs the billing run and then its floor, back to back,
    // on a clean slate, and the report takes the round with the median ratio.
    type Round = { runMs: number; floorMs: number; invoices: number; lines: number; phases: number[] };
    const rounds: Round[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      await sql(`truncate invoices, invoice_lines, billing_runs, bench_floor`);
      await sql(`delete from audit_log where entity_type in ('invoice', 'billing_run')`);
      await sql(`update counters set value = 0`);
      await sql('vacuum analyze invoices, invoice_lines, audit_log, billing_runs');
      const marks: number[] = [];
      const start = performance.now();
      const [run, runMs] = await time(() =>
        runBillingMonth(ctx, {
          actor: { type: 'system', label: 'bench' },
          month: MONTH,
          batchSize: process.env.BENCH_BATCH ? Number(process.env.BENCH_BATCH) : undefined,
          concurrency: process.env.BENCH_CONCURRENCY ? Number(process.env.BENCH_CONCURRENCY) : undefined,
          onProgress: () => marks.push(performance.now() - start),
        }),
      );
      const lines = Number((await sql('select count(*)::int as n from invoice_lines')).rows[0]!.n);
      const [, floorMs] = await time(() =>
        sql(`
          insert into bench_floor (invoice_id, line_no, subscription_id, description, holder_name, category_id,
            zone_ids, net_ore, vat_ore, gross_ore, days_valid, company_share_ore)
          select s.company_id, 1, s.id, 'Bedriftsbillett', s.first_name || ' ' || s.last_name, s.category_id,
            '["kristiansand"]'::jsonb, 72679, 8721, 81400, 31, 40700
          from subscriptions s`),
      );
      const phases = marks.map((m, i) => m - (marks[i - 1] ?? 0));
      rounds.push({ runMs, floorMs, invoices: run.invoices.length, lines, phases });
      console.log(
        `  round ${round}: run ${seconds(runMs)}, floor ${seconds(floorMs)}, ratio ${(runMs / floorMs).toFixed(1)}×`,
      );
    }
    const ratios = rounds.map((r) => r.runMs / r.floorMs);
    const chosen = rounds[ratios.indexOf(median(ratios))]!;
    const [companiesMs, ...batchMs] = chosen.phases;
    const batchesMs = batchMs.reduce((a, b) => a + b, 0);

    await generate(database, '9', 1, PAYROLL_EMPLOYEES);
    const [big] = (await sql(`select id from companies where org_number like '9%' limit 1`)).rows as {
      id: string;
    }[];
    const actor: CompanyAdminActor = {
      type: 'company_admin',
      userId: '00000000-0000-4000-8000-000000000000',
      email: 'bench@example.no',
      companyId: big!.id,
    };
    clock.set(new Date('2027-02-10T10:00:00+01:00'));
    const payroll: Measured[] = [];
    for (const format of ['csv', 'xlsx'] as const) {
      const [file, ms] = await time(() => exportPayroll(ctx, { actor, month: '2027-02', format }));
      const [, floorMs] = await time(() =>
        sql(
          `select s.id, s.first_name, s.last_name, s.category_id, s.start_date, s.end_date, s.fields, e.phone
           from subscriptions s join employees e on e.id = s.employee_id where s.company_id = $1`,
          [big!.id],
        ),
      );
      const size = typeof file.body === 'string' ? Buffer.byteLength(file.body) : file.body.length;
      payroll.push({
        item: `payroll export ${format.toUpperCase()}, ${PAYROLL_EMPLOYEES} employees (${Math.round(size / 1024)} KiB)`,
        ms,
        floorMs,
        floor: `plain SELECT of the company's ${PAYROLL_EMPLOYEES} subscription rows`,
        target: false,
      });
    }

    console.log(
      `\nbenchmark (median of ${ROUNDS} rounds by ratio; compare ratios, absolute times depend on the machine's load)`,
    );
    report([
      {
        item: `billing run ${MONTH}: ${chosen.invoices} invoices, ${chosen.lines} lines`,
        ms: chosen.runMs,
        floorMs: chosen.floorMs,
        floor: `INSERT … SELECT of ${total} rows into a copy of invoice_lines`,
        target: true,
      },
      {
        item: '  phase: run row + companies to bill',
        ms: companiesMs ?? 0,
        floorMs: null,
        floor: '',
        target: false,
      },
      {
        item: `  phase: ${batchMs.length} batch transactions (slowest ${seconds(Math.max(0, ...batchMs))})`,
        ms: batchesMs,
        floorMs: null,
        floor: '',
        target: false,
      },
      {
        item: '  phase: finish + list the invoices',
        ms: chosen.runMs - (companiesMs ?? 0) - batchesMs,
        floorMs: null,
        floor: '',
        target: false,
      },
      ...payroll,
    ]);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
