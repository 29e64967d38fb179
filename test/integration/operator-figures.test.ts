import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { invoices, subscriptions } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription } from '../support/factories';
import { OPERATOR, type TestApp } from '../support/test-app';

let invoiceNumber = 90_000;
function invoice(companyId: string, month: string, totalOre: number, creditedAt: Date | null = null) {
  invoiceNumber += 1;
  return {
    companyId,
    month,
    kind: 'invoice' as const,
    number: invoiceNumber,
    creditedAt,
    netOre: totalOre - Math.round((totalOre * 0.12) / 1.12),
    vatOre: Math.round((totalOre * 0.12) / 1.12),
    totalOre,
    issueDate: '2027-03-01',
    dueDate: '2027-03-15',
    kid: String(invoiceNumber),
    buyer: {},
  };
}

async function operator(app: TestApp) {
  const client = new TestClient(app.server);
  await client.login(OPERATOR.email, OPERATOR.password);
  return client;
}

describeEachEngine(
  'operator: figures (issue 7 item 5)',
  (app) => {
    it('active tickets and invoiced amount per month, orders per day and overdue approvals, in total and per company', async () => {
      app().setNow('2027-01-14T09:00:00+01:00');
      const a = (await createCompany(app(), { name: 'Alfa AS' })).company;
      const b = (await createCompany(app(), { name: 'Beta AS' })).company;
      await createSubscription(app(), { companyId: a.id, startDate: '2027-01-15' });
      const overdue = await createSubscription(app(), {
        companyId: a.id,
        startDate: '2027-04-01',
        state: 'pending',
      });
      app().setNow('2027-02-01T09:00:00+01:00');
      await createSubscription(app(), { companyId: a.id, startDate: '2027-02-01', endDate: '2027-02-28' });
      app().setNow('2027-03-09T09:00:00+01:00');
      await createSubscription(app(), { companyId: b.id, startDate: '2027-03-10' });
      app().setNow('2027-03-10T12:00:00+01:00');
      await createSubscription(app(), { companyId: b.id, startDate: '2027-04-01', state: 'pending' });
      await app()
        .ctx.db.update(subscriptions)
        .set({ createdAt: new Date('2027-03-06T08:00:00+01:00') })
        .where(eq(subscriptions.id, overdue.id));
      await app()
        .ctx.db.insert(invoices)
        .values([
          invoice(a.id, '2027-01', 100_000, new Date('2027-02-05T10:00:00+01:00')),
          invoice(a.id, '2027-01', 90_000),
          invoice(a.id, '2027-02', 150_000),
          invoice(b.id, '2027-02', 50_000),
        ]);
      const client = await operator(app());

      const total = await client.get('/api/operator/figures?months=3');
      expect(total.status).toBe(200);
      expect(total.body.months).toEqual(['2027-01', '2027-02', '2027-03']);
      expect(total.body.activeTickets).toEqual([
        { month: '2027-01', count: 1 },
        { month: '2027-02', count: 2 },
        { month: '2027-03', count: 2 },
      ]);
      // A credited invoice does not count; its replacement does.
      expect(total.body.invoiced).toEqual([
        { month: '2027-01', totalOre: 90_000 },
        { month: '2027-02', totalOre: 200_000 },
        { month: '2027-03', totalOre: 0 },
      ]);
      expect(total.body.ordersPerDay).toHaveLength(30);
      const orders = Object.fromEntries(
        total.body.ordersPerDay.map((d: { date: string; count: number }) => [d.date, d.count]),
      );
      expect(orders['2027-03-06']).toBe(1);
      expect(orders['2027-03-09']).toBe(1);
      expect(orders['2027-03-10']).toBe(1);
      expect(orders['2027-02-10']).toBe(0);
      // Only the order waiting more than three days.
      expect(total.body.pendingOverdue).toEqual([
        expect.objectContaining({ id: overdue.id, companyName: 'Alfa AS' }),
      ]);
      const alfa = total.body.byCompany.find((c: { companyId: string }) => c.companyId === a.id);
      expect(alfa).toEqual({
        companyId: a.id,
        name: 'Alfa AS',
        status: 'active',
        activeTickets: 1,
        invoicedOre: 150_000,
        orders: 1,
        pendingOverdue: 1,
      });

      const onlyA = await client.get(`/api/operator/figures?months=3&companyId=${a.id}`);
      expect(onlyA.body.activeTickets.map((m: { count: number }) => m.count)).toEqual([1, 2, 1]);
      expect(onlyA.body.invoiced.map((m: { totalOre: number }) => m.totalOre)).toEqual([90_000, 150_000, 0]);
      expect(onlyA.body.byCompany).toHaveLength(1);
      expect(
        (await client.get('/api/operator/figures?companyId=00000000-0000-0000-0000-000000000000')).status,
      ).toBe(404);
      expect((await client.get('/api/operator/figures?months=0')).status).toBe(400);
    });
  },
  { now: '2027-01-14T09:00:00+01:00' },
);
