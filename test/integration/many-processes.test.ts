import { createServer, type Server } from 'node:http';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/adapters/passwords';
import type { Database } from '../../src/db/engine';
import { billingRuns, companies, invoices, messages, subscriptions, users } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { openTestDatabase, testEngines } from '../support/engines';
import { mobile, orgNumber } from '../support/factories';
import { type AppProcess, eventually, overHttp, startAppProcess } from '../support/processes';
import { OPERATOR } from '../support/test-app';
import { codeIn, order } from './employee-support';

/**
 * Issue 18.1: two web processes and two worker-only processes on one PostgreSQL. Orders, approvals,
 * messages, the monthly billing job and the pending-order digest go through them; every message is
 * delivered once, every company gets one invoice for the month with numbers without gaps, and each
 * scheduled job runs once per slot (the schedules run every minute here, JOB_CRON_OVERRIDES).
 */
const onPostgres = testEngines().includes('postgres');

describe.skipIf(!onPostgres)('many processes on one PostgreSQL, no double work (issue 18.1)', () => {
  let database: Database & { url?: string };
  let sms: Server;
  /** Every SMS the gateway received: message reference → how many times, and the texts by phone. */
  const deliveries = new Map<string, number>();
  const smsTo = new Map<string, string[]>();
  const processes: AppProcess[] = [];
  let web: AppProcess[] = [];
  let workers: AppProcess[] = [];

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    sms = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        const { to, text, reference } = JSON.parse(body) as { to: string; text: string; reference: string };
        deliveries.set(reference, (deliveries.get(reference) ?? 0) + 1);
        smsTo.set(to, [...(smsTo.get(to) ?? []), text]);
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ id: `gw-${reference}` }));
      });
    });
    await new Promise<void>((resolve) => sms.listen(0, '127.0.0.1', resolve));
    const address = sms.address();
    const env = {
      DATABASE_URL: database.url!,
      APP_NOW: '2027-01-11T10:00:00+01:00',
      SMS_TRANSPORT: 'http',
      SMS_HTTP_URL: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/sms`,
      JOB_CRON_OVERRIDES: 'billing-monthly=* * * * *;pending-orders-digest=* * * * *',
    };
    // Started together, as an orchestrator would: migrations, seeding and pg-boss set up once.
    const started = await Promise.all([
      startAppProcess({ ...env, ROLE: 'web' }),
      startAppProcess({ ...env, ROLE: 'web' }),
      startAppProcess({ ...env, ROLE: 'worker' }),
      startAppProcess({ ...env, ROLE: 'worker' }),
    ]);
    processes.push(...started);
    web = started.filter((p) => p.role === 'web');
    workers = started.filter((p) => p.role === 'worker');
  }, 240_000);

  afterAll(async () => {
    const codes = await Promise.all(processes.map((p) => p.stop('SIGTERM')));
    await new Promise((resolve) => sms?.close(resolve));
    await database?.close();
    expect(codes).toEqual(processes.map(() => 0));
  }, 60_000);

  it('a worker process serves only /health, /ready and /metrics; a web process runs no jobs', async () => {
    const worker = workers[0]!;
    expect((await fetch(`${worker.url}/ready`)).status).toBe(200);
    expect((await fetch(`${worker.url}/metrics`)).status).toBe(200);
    expect((await fetch(`${worker.url}/api/catalog`)).status).toBe(404);
    const ready = await (await fetch(`${web[0]!.url}/ready`)).json();
    expect(ready.checks).toMatchObject({
      database: { ok: true },
      migrations: { ok: true },
      queue: { ok: true },
    });
    // One operator and one catalog although four processes seeded at once.
    const { rows } = await database.executeSql(
      `select count(*)::int as n from users where role = 'operator'`,
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('orders, approvals, messages, the monthly billing job and the digest: each done once', async () => {
    const client = (i: number) => new TestClient(overHttp(web[i % 2]!.url));
    // Two companies registered by the operator on either web process.
    const operator = client(0);
    await operator.login(OPERATOR.email, OPERATOR.password);
    const made: { id: string; email: string; orderToken: string }[] = [];
    for (const selfService of ['manual', 'automatic'] as const) {
      const email = `admin-${selfService}-${Date.now()}@bedrift.example`;
      const r = await operator.post('/api/operator/companies', {
        orgNumber: orgNumber(),
        name: `Fleirprosess ${selfService} AS`,
        invoiceAddress: { street: 'Gata 1', postalCode: '4630', city: 'Kristiansand' },
        contact: { name: 'Admin', email },
      });
      expect(r.status).toBe(201);
      // Test set-up: the admin's password (instead of the invitation link) and the company's order mode.
      await database.db
        .update(users)
        .set({ passwordHash: await hashPassword('admin-password-1234') })
        .where(eq(users.id, r.body.adminId));
      await database.db.update(companies).set({ selfService }).where(eq(companies.id, r.body.id));
      // The order link's token is stored only hashed (issue 12.9): the admin reads the link.
      const admin = client(1);
      await admin.login(email, 'admin-password-1234');
      const link = await admin.get('/api/company/order-link');
      made.push({ id: r.body.id, email, orderToken: String(link.body.url).split('/bestill/')[1]! });
    }

    // Three employees per company order, alternating between the web processes; the SMS code
    // reaches the gateway through a worker.
    let n = 0;
    for (const company of made) {
      for (let i = 0; i < 3; i++) {
        const phone = mobile();
        const employee = client(n++);
        const ip = `10.18.1.${n}`;
        expect(
          (await employee.post(`/api/order/${company.orderToken}/otp`, { phone }, { 'x-forwarded-for': ip }))
            .status,
        ).toBe(202);
        const local = `+47${phone.replace(/\D/g, '').slice(-8)}`;
        const text = await eventually(async () => smsTo.get(local)?.[0], 60_000, `the code SMS to ${local}`);
        const verified = await employee.post(`/api/order/${company.orderToken}/otp/verify`, {
          phone,
          code: codeIn(text),
        });
        expect(verified.status).toBe(200);
        const ordered = await employee.post(
          '/api/me/subscriptions',
          order({ lastName: `Ansatt ${'ABCDEFGHIJ'[n]}` }),
        );
        expect(ordered.status).toBe(201);
      }
    }

    // The manual company's admin approves two of three orders on the other web process; twice each
    // (a double click), alternating processes.
    const admin = client(1);
    await admin.login(made[0]!.email, 'admin-password-1234');
    const pending = await database.db
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(eq(subscriptions.companyId, made[0]!.id));
    for (const { id } of pending.slice(0, 2)) {
      const [a, b] = await Promise.all([
        admin.post(`/api/company/subscriptions/${id}/approve`, {}),
        new TestClient(overHttp(web[0]!.url)).post(`/api/company/subscriptions/${id}/approve`, {}),
      ]);
      expect(a.status).toBe(200);
      expect([200, 401, 403]).toContain(b.status);
    }

    // Every message queued so far leaves once.
    await eventually(
      async () => {
        const rows = await database.db.select({ status: messages.status }).from(messages);
        return rows.length > 0 && rows.every((m) => m.status === 'sent');
      },
      90_000,
      'every message sent',
    );

    // The month is over on every process's clock: the workers' every-minute schedule bills February.
    for (const p of processes) {
      const c = new TestClient(overHttp(p.url));
      expect((await c.put('/api/dev/clock', { now: '2027-03-01T07:00:00+01:00' })).status).toBe(200);
    }
    // pg-boss files each occurrence of a schedule as one `__pgboss__send-it` job naming its minute slot,
    // and that job sends the scheduled job when a worker takes it, perhaps in a later minute. So "once
    // per schedule" is: one send-it job per slot, and exactly one billing job per slot. Read in one
    // statement once no send-it job is in flight, so every slot's billing job is already written.
    const since = new Date();
    const slotsSettled = async () => {
      const { rows } = await database.executeSql(
        `select (select count(*)::int from pgboss.job where name = 'billing-monthly') as jobs,
                (select count(*)::int from pgboss.job
                  where name = '__pgboss__send-it' and data->>'name' = 'billing-monthly') as filed,
                (select count(distinct data->>'slot')::int from pgboss.job
                  where name = '__pgboss__send-it' and data->>'name' = 'billing-monthly') as slots,
                (select count(distinct data->>'slot')::int from pgboss.job
                  where name = '__pgboss__send-it' and data->>'name' = 'billing-monthly' and created_on >= $1) as recent,
                (select count(*)::int from pgboss.job
                  where name in ('__pgboss__send-it', 'billing-monthly') and state <> 'completed') as open`,
        [since.toISOString()],
      );
      const row = rows[0] as { jobs: number; filed: number; slots: number; recent: number; open: number };
      return row.recent >= 2 && row.open === 0 ? row : undefined;
    };
    const settled = await eventually(slotsSettled, 200_000, 'two billing-monthly slots, none in flight');
    expect(settled.filed).toBe(settled.slots);
    expect(settled.jobs).toBe(settled.slots);

    // One invoice per company for February, numbers without gaps; the runs in those slots made nothing new.
    const february = await database.db
      .select({ companyId: invoices.companyId, number: invoices.number })
      .from(invoices)
      .where(eq(invoices.month, '2027-02'));
    expect(february.map((i) => i.companyId).sort()).toEqual(made.map((c) => c.id).sort());
    const numbers = (await database.db.select({ number: invoices.number }).from(invoices))
      .map((i) => i.number)
      .sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const runs = await database.db.select().from(billingRuns).where(eq(billingRuns.month, '2027-02'));
    expect(runs.every((r) => r.status === 'done')).toBe(true);

    // The digest went to the manual company's admin once for that Oslo day, however many slots ran.
    await eventually(
      async () => {
        const rows = await database.db.select({ status: messages.status }).from(messages);
        return rows.every((m) => m.status === 'sent');
      },
      60_000,
      'the digest sent',
    );
    const digests = await database.db
      .select({ key: messages.idempotencyKey, attempts: messages.attempts })
      .from(messages)
      .where(inArray(messages.kind, ['pending_digest']));
    expect(digests.filter((d) => d.key.includes(':2027-03-01:'))).toHaveLength(1);

    // Every message was delivered once: one attempt each, and the SMS gateway saw each reference once.
    const all = await database.db.select().from(messages);
    expect(all.every((m) => m.status === 'sent' && m.attempts === 1)).toBe(true);
    const smsIds = all.filter((m) => m.channel === 'sms').map((m) => m.id);
    expect(smsIds.length).toBeGreaterThanOrEqual(6 + 5);
    expect(smsIds.map((id) => deliveries.get(id))).toEqual(smsIds.map(() => 1));
  }, 420_000);
});
