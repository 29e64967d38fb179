/**
 * Benchmark (issue 6): the billing run for 100 000 active subscriptions in 2 000 companies on
 * PostgreSQL, against the floor of a plain `INSERT … SELECT` writing as many rows on the same
 * database; then the payroll export (CSV and XLSX) of one 10 000-employee company.
 *
 *   npm run bench                       (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_COMPANIES=200 BENCH_PER_COMPANY=50 npm run bench   (smaller)
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { AdjustableClock } from '../src/adapters/clock';
import { runBillingMonth } from '../src/app/billing/run-billing-month';
import type { AppContext, CompanyAdminActor } from '../src/app/context';
import { exportPayroll } from '../src/app/payroll/export-payroll';
import { loadConfig } from '../src/config';
import { type Database, openDatabase } from '../src/db/engine';
import { seedExampleCatalog } from '../src/db/seed';
import { RecordingJobQueue } from '../src/jobs/queue';

const BASE_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 2000);
const PER_COMPANY = Number(process.env.BENCH_PER_COMPANY ?? 50);
const PAYROLL_EMPLOYEES = Number(process.env.BENCH_PAYROLL_EMPLOYEES ?? 10_000);
const MONTH = '2027-01';

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: BASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

/** Companies with `perCompany` approved subscriptions each; every 10th changes zones mid-January. */
async function generate(db: Database, prefix: string, companies: number, perCompany: number) {
  const sql = db.executeSql;
  await sql(`
    insert into companies (org_number, name, order_token, invoice_address, subsidy)
    select '${prefix}' || lpad(g::text, 8, '0'), 'Bench ${prefix} ' || g, '${prefix}-tok-' || g,
      '{"street":"Gata 1","postalCode":"4630","city":"Kristiansand"}'::jsonb, '{"type":"percent","value":50}'::jsonb
    from generate_series(1, ${companies}) g`);
  await sql(`
    insert into employees (company_id, phone, first_name, last_name)
    select c.id, '+47${prefix}' || lpad(c.n::text, 4, '0') || lpad(e::text, 5, '0'), 'Fornavn' || e, 'Etternavn' || e
    from (select id, row_number() over (order by org_number) as n from companies where org_number like '${prefix}%') c,
      generate_series(1, ${perCompany}) e`);
  await sql(`
    insert into subscriptions (company_id, employee_id, state, first_name, last_name, phone, category_id,
      start_date, source, ticket_access_token, fields)
    select e.company_id, e.id, 'approved', e.first_name, e.last_name, e.phone,
      (array['voksen','honnor','ungdom'])[1 + abs(hashtext(e.id::text)) % 3], '2026-06-01', 'admin',
      md5(e.id::text || random()::text), jsonb_build_object('ansattnr', e.last_name)
    from employees e join companies c on c.id = e.company_id where c.org_number like '${prefix}%'`);
  await sql(`
    insert into subscription_zone_sets (subscription_id, zone_ids, valid_from, valid_to)
    select s.id, '["kristiansand"]'::jsonb, s.start_date,
      case when abs(hashtext(s.id::text)) % 10 = 0 then date '2027-01-14' end
    from subscriptions s join companies c on c.id = s.company_id where c.org_number like '${prefix}%'`);
  await sql(`
    insert into subscription_zone_sets (subscription_id, zone_ids, valid_from)
    select s.id, '["kristiansand","vennesla"]'::jsonb, date '2027-01-15'
    from subscriptions s join companies c on c.id = s.company_id
    where c.org_number like '${prefix}%' and abs(hashtext(s.id::text)) % 10 = 0`);
  await sql('analyze');
}

async function main() {
  const name = `bb_bench_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  try {
    await seedExampleCatalog(database.db);
    const clock = new AdjustableClock();
    clock.set(new Date('2027-02-01T06:00:00+01:00'));
    const ctx: AppContext = {
      database,
      db: database.db,
      clock,
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS: 'false', DATA_DIR: 'memory://' }),
      jobs: new RecordingJobQueue(),
      log: { info: () => {}, warn: () => {}, error: () => {} },
    };
    const total = COMPANIES * PER_COMPANY;
    console.log(`database ${name}: generating ${total} subscriptions in ${COMPANIES} companies…`);
    const [, genMs] = await time(() => generate(database, '1', COMPANIES, PER_COMPANY));
    console.log(`  generated in ${(genMs / 1000).toFixed(1)} s`);

    const [run, runMs] = await time(() =>
      runBillingMonth(ctx, { actor: { type: 'system', label: 'bench' }, month: MONTH }),
    );
    const lines = await database.executeSql('select count(*)::int as n from invoice_lines');
    const written = Number(lines.rows[0]!.n);

    await database.executeSql('create table bench_floor (like invoice_lines including defaults)');
    const [, floorMs] = await time(() =>
      database.executeSql(`
        insert into bench_floor (invoice_id, line_no, subscription_id, description, holder_name, category_id,
          zone_ids, net_ore, vat_ore, gross_ore, days_valid, company_share_ore)
        select s.company_id, 1, s.id, 'Bedriftsbillett', s.first_name || ' ' || s.last_name, s.category_id,
          '["kristiansand"]'::jsonb, 72679, 8721, 81400, 31, 40700
        from subscriptions s`),
    );
    const floorRows = Number(
      (await database.executeSql('select count(*)::int as n from bench_floor')).rows[0]!.n,
    );

    console.log(
      `\nbilling run ${MONTH}: ${run.invoices.length} invoices, ${written} lines in ${(runMs / 1000).toFixed(2)} s`,
    );
    console.log(`floor (INSERT … SELECT of ${floorRows} rows): ${(floorMs / 1000).toFixed(2)} s`);
    console.log(`ratio: ${(runMs / floorMs).toFixed(1)}× (target ≤ 5×)`);

    await generate(database, '9', 1, PAYROLL_EMPLOYEES);
    const [big] = (await database.executeSql(`select id from companies where org_number like '9%' limit 1`))
      .rows as { id: string }[];
    const actor: CompanyAdminActor = {
      type: 'company_admin',
      userId: '00000000-0000-4000-8000-000000000000',
      email: 'bench@example.no',
      companyId: big!.id,
    };
    clock.set(new Date('2027-02-10T10:00:00+01:00'));
    for (const format of ['csv', 'xlsx'] as const) {
      const [file, ms] = await time(() => exportPayroll(ctx, { actor, month: '2027-02', format }));
      const size = typeof file.body === 'string' ? Buffer.byteLength(file.body) : file.body.length;
      console.log(
        `payroll export ${format.toUpperCase()} of ${PAYROLL_EMPLOYEES} employees: ${(ms / 1000).toFixed(2)} s (${Math.round(size / 1024)} KiB)`,
      );
    }
  } finally {
    await database.close();
    await admin(`drop database if exists ${name} with (force)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
