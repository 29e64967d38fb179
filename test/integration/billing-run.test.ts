import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScheduledBilling } from '../../src/app/billing/billing-job';
import { runBillingMonth } from '../../src/app/billing/run-billing-month';
import { insertMonthInvoices, insertMonthLines, lockInvoiceCounter } from '../../src/db/repositories/billing';
import { categories, invoiceLines, invoices, subscriptions, subscriptionZoneSets } from '../../src/db/schema';
import { jobDefinitions } from '../../src/jobs/definitions';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { testEngines } from '../support/engines';
import { createCompany, createSubscription, systemOperator } from '../support/factories';
import { createTestApp, OPERATOR, type TestApp } from '../support/test-app';

async function operator(app: TestApp) {
  const client = new TestClient(app.server);
  await client.login(OPERATOR.email, OPERATOR.password);
  return client;
}

async function allNumbers(app: TestApp) {
  const rows = await app.ctx.db.select({ number: invoices.number }).from(invoices);
  return rows.map((r) => r.number).sort((a, b) => a - b);
}

const consecutive = (numbers: number[]) => numbers.every((n, i) => n === i + 1);

describeEachEngine('billing run (issue 6)', (app) => {
  it('rule 11: one invoice per company, a full-price line per subscription valid in the month, totals that sum', async () => {
    const a = await createCompany(app());
    const b = await createCompany(app());
    await createSubscription(app(), { companyId: a.company.id, startDate: '2027-01-01', lastName: 'Aas' });
    await createSubscription(app(), {
      companyId: a.company.id,
      startDate: '2026-11-01',
      endDate: '2027-01-10',
      lastName: 'Berg',
      zoneIds: ['kristiansand', 'vennesla'],
    });
    await createSubscription(app(), { companyId: a.company.id, startDate: '2027-01-01', state: 'pending' });
    await createSubscription(app(), { companyId: a.company.id, startDate: '2027-02-01' });
    await createSubscription(app(), {
      companyId: b.company.id,
      startDate: '2027-01-31',
      categoryId: 'honnor',
    });

    app().setNow('2027-02-01T07:00:00+01:00');
    const op = await operator(app());
    const r = await op.post('/api/operator/billing-runs', { month: '2027-01' });
    expect(r.status).toBe(200);
    expect(r.body.month).toBe('2027-01');
    const mine = r.body.invoices.filter((i: { companyId: string }) =>
      [a.company.id, b.company.id].includes(i.companyId),
    );
    expect(mine).toHaveLength(2);
    const invA = mine.find((i: { companyId: string }) => i.companyId === a.company.id);
    const invB = mine.find((i: { companyId: string }) => i.companyId === b.company.id);
    // January 2027 is priced with the 2026 prices: voksen 1 zone 790 kr + 2 zones 1 090 kr; honnør 395 kr.
    expect(invA.totalOre).toBe(79000 + 109000);
    expect(invB.totalOre).toBe(39500);

    const lines = await app().ctx.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invA.id));
    expect(lines.map((l) => [l.holderName.split(' ')[1], l.grossOre, l.daysValid])).toEqual([
      ['Aas', 79000, 31],
      ['Berg', 109000, 10],
    ]);
    const [row] = await app().ctx.db.select().from(invoices).where(eq(invoices.id, invA.id));
    // Issue 14 item 7: net + VAT + rounding (BT-114) = the sum of the prices; VAT on the net.
    expect(row!.netOre + row!.vatOre + row!.roundingOre).toBe(row!.totalOre);
    expect(lines.reduce((s, l) => s + l.netOre, 0)).toBe(row!.netOre);
    expect(row!.vatOre).toBe(Math.round(row!.netOre * 0.12));
    expect(row!.kid).toMatch(/^\d{10}$/);
    expect(consecutive(await allNumbers(app()))).toBe(true);

    const progress = await op.get(`/api/operator/billing-runs/${r.body.runId}`);
    expect(progress.body).toMatchObject({ status: 'done', month: '2027-01' });
    expect(progress.body.companiesDone).toBe(progress.body.companiesTotal);
  });

  it('rule 11: running a month again makes no second invoice and returns the existing ones', async () => {
    const op = await operator(app());
    const before = await allNumbers(app());
    const first = await op.post('/api/operator/billing-runs', { month: '2027-01' });
    const again = await op.post('/api/operator/billing-runs', { month: '2027-01' });
    expect(again.status).toBe(200);
    expect(again.body.invoices).toEqual(first.body.invoices);
    expect(await allNumbers(app())).toEqual(before);
  });

  it('rule 11: two runs started at once still make one invoice per company, numbers without gaps', async () => {
    const companies = await Promise.all([createCompany(app()), createCompany(app()), createCompany(app())]);
    for (const c of companies) {
      await createSubscription(app(), { companyId: c.company.id, startDate: '2027-02-01' });
    }
    app().setNow('2027-03-01T06:00:00+01:00');
    const run = () => runBillingMonth(app().ctx, { actor: systemOperator, month: '2027-02', batchSize: 1 });
    const [one, two] = await Promise.all([run(), run()]);
    expect(one.invoices).toEqual(two.invoices);
    const rows = await app()
      .ctx.db.select()
      .from(invoices)
      .where(
        and(
          eq(invoices.month, '2027-02'),
          inArray(
            invoices.companyId,
            companies.map((c) => c.company.id),
          ),
        ),
      );
    expect(rows).toHaveLength(3);
    const numbers = await allNumbers(app());
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(consecutive(numbers)).toBe(true);
  });

  it('rule 11: a run that dies halfway leaves whole invoices only, and the next run finishes without gaps', async () => {
    const good = await Promise.all([createCompany(app()), createCompany(app())]);
    for (const c of good)
      await createSubscription(app(), { companyId: c.company.id, startDate: '2027-03-01' });
    const bad = await createCompany(app());
    // A category without any price: this company's invoice cannot be made (PRICE_MISSING).
    await app().ctx.db.insert(categories).values({ id: 'uten-pris', name: 'Uten pris', nameEn: 'No price' });
    const sub = await createSubscription(app(), { companyId: bad.company.id, startDate: '2027-03-01' });
    await app()
      .ctx.db.update(subscriptions)
      .set({ categoryId: 'uten-pris' })
      .where(eq(subscriptions.id, sub.id));

    app().setNow('2027-04-01T06:00:00+02:00');
    await expect(
      runBillingMonth(app().ctx, { actor: systemOperator, month: '2027-03', batchSize: 1 }),
    ).rejects.toMatchObject({ code: 'PRICE_MISSING' });
    expect(consecutive(await allNumbers(app()))).toBe(true);
    const op = await operator(app());
    const failed = await op.get('/api/operator/billing-runs?month=2027-03');
    expect(failed.body.items[0]).toMatchObject({ status: 'failed', error: 'PRICE_MISSING' });

    await app()
      .ctx.db.update(subscriptions)
      .set({ categoryId: 'voksen' })
      .where(eq(subscriptions.id, sub.id));
    const done = await op.post('/api/operator/billing-runs', { month: '2027-03' });
    expect(done.status).toBe(200);
    const ids = [...good, bad].map((c) => c.company.id);
    expect(done.body.invoices.filter((i: { companyId: string }) => ids.includes(i.companyId))).toHaveLength(
      3,
    );
    expect(consecutive(await allNumbers(app()))).toBe(true);
  });

  it('rule 11: a month that has not ended is BILLING_MONTH_OPEN (422), a bad month 400, in bokmål', async () => {
    const op = await operator(app());
    const open = await op.post('/api/operator/billing-runs', { month: '2027-04' });
    expect(open.status).toBe(422);
    expect(open.body.error.code).toBe('BILLING_MONTH_OPEN');
    expect(open.body.error.message).toMatch(/ikke avsluttet/);
    const bad = await op.post('/api/operator/billing-runs', { month: '2027-13' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('MONTH_INVALID');
    expect((await op.get('/api/operator/billing-runs/not-a-run')).status).toBe(404);
  });

  it('only the operator runs billing: a company admin gets 403, nobody 401', async () => {
    const { client } = await createCompany(app());
    expect((await client.post('/api/operator/billing-runs', { month: '2027-01' })).status).toBe(403);
    expect((await client.get('/api/operator/invoices')).status).toBe(403);
    const anonymous = new TestClient(app().server);
    expect((await anonymous.post('/api/operator/billing-runs', { month: '2027-01' })).status).toBe(401);
  });

  it('the scheduled job "billing-monthly" runs at 06:00 on the 1st and bills the month just ended', async () => {
    expect(jobDefinitions.find((j) => j.name === 'billing-monthly')?.cron).toBe('0 6 1 * *');
    const c = await createCompany(app());
    await createSubscription(app(), { companyId: c.company.id, startDate: '2027-04-30' });
    app().setNow('2027-05-01T06:00:00+02:00');
    await runScheduledBilling(app().ctx);
    const rows = await app()
      .ctx.db.select()
      .from(invoices)
      .where(and(eq(invoices.companyId, c.company.id), eq(invoices.month, '2027-04')));
    expect(rows).toHaveLength(1);
  });

  it('rule 8: a subscription with no zone set in force during the month stops the run with ZONES_REQUIRED, naming it', async () => {
    const c = await createCompany(app());
    const sub = await createSubscription(app(), { companyId: c.company.id, startDate: '2027-05-01' });
    // Its only zone set starts after the month.
    await app()
      .ctx.db.update(subscriptionZoneSets)
      .set({ validFrom: '2027-06-01' })
      .where(eq(subscriptionZoneSets.subscriptionId, sub.id));

    app().setNow('2027-06-01T06:00:00+02:00');
    await expect(
      runBillingMonth(app().ctx, { actor: systemOperator, month: '2027-05' }),
    ).rejects.toMatchObject({
      code: 'ZONES_REQUIRED',
      details: { subscriptionId: sub.id, month: '2027-05' },
    });
    const written = await app().ctx.db.select().from(invoices).where(eq(invoices.month, '2027-05'));
    expect(written).toHaveLength(0);
  });
});

// Two transactions interleaved by hand need two connections: PostgreSQL only (PGlite has one, and
// there the batches run one after another).
describe.runIf(testEngines().includes('postgres'))(
  'billing run, interleaved transactions (issue 6) [postgres]',
  () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await createTestApp('postgres');
    });
    afterAll(async () => {
      await app?.close();
    });

    it('rule 11: lines written for a company that another run invoices meanwhile are dropped: one invoice, no stray line, no gap', async () => {
      const { company } = await createCompany(app);
      await createSubscription(app, { companyId: company.id, startDate: '2027-06-01' });
      app.setNow('2027-07-01T06:00:00+02:00');
      const month = { month: '2027-06', first: '2027-06-01', last: '2027-06-30' };

      let linesWritten!: () => void;
      const written = new Promise<void>((resolve) => {
        linesWritten = resolve;
      });
      let release!: () => void;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      // Transaction A writes the company's lines, then waits before numbering them.
      const slow = app.ctx.db.transaction(async (tx) => {
        const { invoices: pending } = await insertMonthLines(tx, { ...month, companyIds: [company.id] });
        linesWritten();
        await gate;
        const counter = await lockInvoiceCounter(tx);
        const issued = await insertMonthInvoices(tx, {
          month: month.month,
          pending,
          runId: null,
          counter,
          kids: pending.map(() => '0000000000'),
          issueDate: '2027-07-01',
          dueDate: '2027-07-15',
          now: new Date('2027-07-01T06:00:00+02:00'),
          actor: { type: 'system', id: null, label: 'test' },
        });
        return { pending, issued };
      });
      await written;
      // Meanwhile a whole run invoices the company and commits.
      const run = await runBillingMonth(app.ctx, { actor: systemOperator, month: month.month });
      expect(run.invoices.filter((i) => i.companyId === company.id)).toHaveLength(1);
      release();
      const { pending, issued } = await slow;

      expect(pending).toHaveLength(1);
      expect(issued).toEqual([]);
      const rows = await app.ctx.db
        .select()
        .from(invoices)
        .where(and(eq(invoices.companyId, company.id), eq(invoices.month, month.month)));
      expect(rows).toHaveLength(1);
      expect(
        await app.ctx.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, pending[0]!.id)),
      ).toEqual([]);
      const stray = await app.ctx.db.execute(
        sql`select count(*)::int as n from invoice_lines l where not exists (select 1 from invoices i where i.id = l.invoice_id)`,
      );
      expect((stray as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
      expect(consecutive(await allNumbers(app))).toBe(true);
    });
  },
);
