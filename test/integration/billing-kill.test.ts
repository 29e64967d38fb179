import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BILLING_MONTHLY_JOB } from '../../src/app/billing/billing-job';
import { BILLING_BATCH } from '../../src/app/billing/run-billing-month';
import type { Database } from '../../src/db/engine';
import { startJobs } from '../../src/jobs/boss';
import { openTestDatabase, testEngines } from '../support/engines';
import { type AppProcess, eventually, startAppProcess } from '../support/processes';

/**
 * Issue 18.2: `kill -9` of a worker in the middle of a billing run, on PostgreSQL. One or two of
 * three batches of companies are invoiced when the worker dies; another worker takes the job up (the
 * dead one's heartbeat stops, pg-boss fails the job back for a retry) and finishes the month: one
 * invoice per company, invoice numbers without a gap, no line without its invoice, every
 * subscription billed once, and the dead run closed as INTERRUPTED.
 */
const COMPANIES = BILLING_BATCH * 2 + 100;
const PER_COMPANY = 2;
const MONTH = '2027-01';

describe.skipIf(!testEngines().includes('postgres'))(
  'kill -9 of a worker in the middle of a billing run (issue 18.2)',
  () => {
    let database: Database & { url?: string };
    const processes: AppProcess[] = [];
    let blocker: pg.Client;
    const env = () => ({
      DATABASE_URL: database.url!,
      ROLE: 'worker',
      APP_NOW: '2027-02-01T06:00:00+01:00',
    });
    const one = async (query: string) => (await database.executeSql(query)).rows[0]!;

    beforeAll(async () => {
      database = await openTestDatabase('postgres');
      blocker = new pg.Client({ connectionString: database.url });
      await blocker.connect();
    }, 60_000);
    afterAll(async () => {
      await Promise.all(processes.map((p) => p.stop('SIGKILL')));
      await blocker?.end().catch(() => undefined);
      await database?.close();
    }, 60_000);

    it('after the restart the run completes: no invoice twice, no gap, no stray line', async () => {
      const first = await startAppProcess(env());
      processes.push(first);
      // The worker has seeded the catalog; the companies and their subscriptions of the month.
      await database.executeSql(`
        insert into companies (org_number, name, order_token_hash, order_token_sealed, invoice_address, subsidy)
        select '9' || lpad(g::text, 8, '0'), 'Drept ' || g, 'kill-tok-' || g, 'not-sealed',
          '{"street":"Gata 1","postalCode":"4630","city":"Kristiansand"}'::jsonb,
          '{"type":"percent","value":50}'::jsonb
        from generate_series(1, ${COMPANIES}) g`);
      await database.executeSql(`
        insert into employees (company_id, phone, first_name, last_name)
        select c.id, '+479' || lpad(c.n::text, 4, '0') || lpad(e::text, 3, '0'), 'Fornavn', 'Etternavn'
        from (select id, row_number() over (order by org_number) as n from companies) c,
          generate_series(1, ${PER_COMPANY}) e`);
      await database.executeSql(`
        insert into subscriptions (company_id, employee_id, state, first_name, last_name, phone, category_id,
          start_date, source, ticket_token_hash, ticket_number, fields)
        select e.company_id, e.id, 'approved', e.first_name, e.last_name, e.phone, 'voksen', '2026-06-01',
          'admin', md5(e.id::text), row_number() over (order by e.id), '{}'::jsonb
        from employees e`);
      await database.executeSql(`
        insert into subscription_zone_sets (subscription_id, company_id, zone_ids, valid_from)
        select s.id, s.company_id, '["kristiansand"]'::jsonb, s.start_date from subscriptions s`);

      // A company of the third batch is held (its row locked; by id, as OFFSET would lock every row
      // it skips), so the run stops there, mid-month: the moment to kill the worker.
      const held = await one(`select id from companies order by id offset ${BILLING_BATCH * 2 + 50} limit 1`);
      await blocker.query('begin');
      await blocker.query('select id from companies where id = $1 for update', [held.id]);
      const producer = await startJobs(database, database.url, { runsJobs: false });
      await producer.boss.send(BILLING_MONTHLY_JOB, {});
      await producer.boss.stop({ graceful: false });

      // Batches run two at a time: the held one stops at its numbering step under the counter lock,
      // and the other one waits there too, so the run stands still after one or two batches.
      await eventually(
        async () => {
          const run = await one(`select max(companies_done)::int as done from billing_runs`);
          return Number(run.done) >= BILLING_BATCH ? true : undefined;
        },
        60_000,
        'a batch invoiced',
      ).catch(async (error) => {
        // What the run waits on, for the failure's message.
        const activity = await database.executeSql(
          `select wait_event_type, wait_event, left(query, 200) as query from pg_stat_activity
            where datname = current_database() and state <> 'idle'`,
        );
        throw new Error(`${error}\n${JSON.stringify(activity.rows, null, 1)}\n${first.output()}`);
      });
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const dying = await one(`select status, companies_done from billing_runs where month = '${MONTH}'`);
      expect(dying.status).toBe('running');
      expect(await first.stop('SIGKILL')).toBe('SIGKILL');
      await blocker.query('rollback');
      const halfway = await one(`select count(*)::int as n from invoices where month = '${MONTH}'`);
      expect(halfway.n).toBe(dying.companies_done);
      expect(halfway.n).toBeGreaterThan(0);
      expect(halfway.n).toBeLessThan(COMPANIES);

      // Restarted: the job comes back to a worker and the month is finished.
      const second = await startAppProcess(env());
      processes.push(second);
      await eventually(
        async () => {
          const { rows } = await database.executeSql(
            `select 1 from billing_runs where month = '${MONTH}' and status = 'done'`,
          );
          return rows.length > 0 ? true : undefined;
        },
        240_000,
        `the billing run finished after the restart\n${second.output()}`,
      );

      const invoices = await one(
        `select count(*)::int as n, count(distinct company_id)::int as companies,
                min(number)::int as lo, max(number)::int as hi
           from invoices where month = '${MONTH}' and kind = 'invoice'`,
      );
      expect(invoices).toEqual({ n: COMPANIES, companies: COMPANIES, lo: 1, hi: COMPANIES });
      const stray = await one(
        `select count(*)::int as n from invoice_lines l where not exists
           (select 1 from invoices i where i.id = l.invoice_id)`,
      );
      expect(stray.n).toBe(0);
      const lines = await one(
        `select count(*)::int as n, count(distinct subscription_id)::int as subscriptions from invoice_lines`,
      );
      expect(lines).toEqual({ n: COMPANIES * PER_COMPANY, subscriptions: COMPANIES * PER_COMPANY });
      const { rows: runs } = await database.executeSql(
        `select status, error from billing_runs where month = '${MONTH}' order by status`,
      );
      expect(runs.map((r) => `${r.status}:${r.error ?? ''}`).sort()).toEqual(['done:', 'failed:INTERRUPTED']);
      expect(await second.stop('SIGTERM')).toBe(0);
    }, 420_000);
  },
);
