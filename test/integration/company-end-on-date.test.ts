import { eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { auditLog, invoiceLines, subscriptions } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { ADMIN_PASSWORD, createCompany, createSubscription, mobile } from '../support/factories';
import { OPERATOR } from '../support/test-app';

async function smsTo(client: TestClient, phone: string): Promise<string[]> {
  const r = await client.get(`/api/dev/outbox?to=${encodeURIComponent(phone)}`);
  return r.body.messages.map((m: { body: string }) => m.body);
}

describeEachEngine('end on a date (issue 16, item 1)', (app) => {
  beforeEach(() => app().setNow('2027-01-15T10:00:00+01:00'));
  /** A fresh login after the clock jumped past the session's idle time. */
  async function signIn(email: string) {
    const client = new TestClient(app().server);
    await client.login(email, ADMIN_PASSWORD);
    return client;
  }

  it('contract: effective "date" ends on that day; the list, the detail, the wallet and the SMS show it', async () => {
    const { client, company } = await createCompany(app(), { name: 'Sørbedrift AS' });
    const phone = mobile();
    const sub = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01', phone });
    const r = await client.post(`/api/company/subscriptions/${sub.id}/end`, {
      effective: 'date',
      endDate: '2027-03-31',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: sub.id, status: 'active', endDate: '2027-03-31', revokedAt: null });
    const list = await client.get('/api/company/subscriptions');
    expect(list.body.items.find((s: { id: string }) => s.id === sub.id).endDate).toBe('2027-03-31');
    const detail = await client.get(`/api/company/subscriptions/${sub.id}`);
    expect(detail.body.endDate).toBe('2027-03-31');
    expect(detail.body.zoneSets.at(-1).validTo).toBe('2027-03-31');
    const ticket = await new TestClient(app().server).get(`/api/tickets/${sub.ticketAccessToken}`);
    expect(ticket.body.endDate).toBe('2027-03-31');
    expect(ticket.body.validTo).toBe('2027-03-31T21:59:59.000Z');
    const sms = await smsTo(client, phone);
    expect(sms[0]).toContain('Sørbedrift AS');
    expect(sms[0]).toContain('Siste gyldige dag er 31. mars 2027');
    expect(sms).toHaveLength(2); // the ticket SMS, the end
    // A double click sends nothing more.
    await client.post(`/api/company/subscriptions/${sub.id}/end`, {
      effective: 'date',
      endDate: '2027-03-31',
    });
    expect(await smsTo(client, phone)).toHaveLength(2);
  });

  it('a date before today, or an end date with "now" or "end of month", is a 400 naming endDate and changes nothing; today is allowed', async () => {
    let { client, company, adminEmail } = await createCompany(app());
    const sub = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01' });
    const bad: [object, string][] = [
      [{ effective: 'date', endDate: '2027-01-14' }, 'END_DATE_INVALID'],
      [{ effective: 'date', endDate: '2027-02-30' }, 'DATE_INVALID'],
      [{ effective: 'date' }, 'END_DATE_INVALID'],
      [{ effective: 'date', endDate: 'snart' }, 'DATE_INVALID'],
      // An end date with another effective contradicts itself: refused, never ignored.
      [{ effective: 'now', endDate: '2027-03-31' }, 'VALIDATION_FAILED'],
      [{ effective: 'end_of_month', endDate: '2027-03-31' }, 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of bad) {
      const r = await client.post(`/api/company/subscriptions/${sub.id}/end`, body, {
        'accept-language': 'en',
      });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe(code);
      expect(JSON.stringify(r.body.error.details)).toContain('endDate');
      expect(r.body.error.message).toContain('endDate');
    }
    const [row] = await app().ctx.db.select().from(subscriptions).where(eq(subscriptions.id, sub.id));
    expect(row!.endDate).toBeNull();
    const today = await client.post(`/api/company/subscriptions/${sub.id}/end`, {
      effective: 'date',
      endDate: '2027-01-15',
    });
    expect(today.status).toBe(200);
    expect(today.body).toMatchObject({ status: 'active', endDate: '2027-01-15' });
    app().setNow('2027-01-16T00:00:01+01:00');
    client = await signIn(adminEmail);
    expect((await client.get(`/api/company/subscriptions/${sub.id}`)).body.status).toBe('ended');
  });

  it('a planned end can be moved later or earlier and withdrawn before it happens, each audited', async () => {
    const { client, company } = await createCompany(app());
    const phone = mobile();
    const sub = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01', phone });
    const end = (endDate: string) =>
      client.post(`/api/company/subscriptions/${sub.id}/end`, { effective: 'date', endDate });
    expect((await end('2027-02-10')).body.endDate).toBe('2027-02-10');
    expect((await end('2027-05-31')).body.endDate).toBe('2027-05-31');
    let detail = await client.get(`/api/company/subscriptions/${sub.id}`);
    expect(detail.body.zoneSets.map((z: { validTo: string | null }) => z.validTo)).toEqual(['2027-05-31']);
    expect((await end('2027-03-31')).body.endDate).toBe('2027-03-31');
    const withdrawn = await client.delete(`/api/company/subscriptions/${sub.id}/end`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'active', endDate: null });
    detail = await client.get(`/api/company/subscriptions/${sub.id}`);
    expect(detail.body.zoneSets.map((z: { validTo: string | null }) => z.validTo)).toEqual([null]);
    const again = await client.delete(`/api/company/subscriptions/${sub.id}/end`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('SUBSCRIPTION_STATE');
    const actions = await app()
      .ctx.db.select({ action: auditLog.action, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.entityId, sub.id))
      .orderBy(auditLog.id);
    expect(actions.filter((a) => a.action.startsWith('subscription.end')).map((a) => a.action)).toEqual([
      'subscription.ended',
      'subscription.ended',
      'subscription.ended',
      'subscription.end_withdrawn',
    ]);
    expect(actions.at(-1)).toMatchObject({ before: { endDate: '2027-03-31' }, after: { endDate: null } });
    const sms = await smsTo(client, phone);
    expect(sms[0]).toContain('trukket tilbake');
    expect(sms).toHaveLength(5); // the ticket SMS, three ends, the withdrawal
  });

  it('a planned end cannot be withdrawn once it has passed, nor by another company', async () => {
    let { client, company, adminEmail } = await createCompany(app());
    const other = await createCompany(app());
    const sub = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01' });
    await client.post(`/api/company/subscriptions/${sub.id}/end`, {
      effective: 'date',
      endDate: '2027-01-20',
    });
    expect((await other.client.delete(`/api/company/subscriptions/${sub.id}/end`)).status).toBe(404);
    expect(
      (
        await other.client.post(`/api/company/subscriptions/${sub.id}/end`, {
          effective: 'date',
          endDate: '2027-02-01',
        })
      ).status,
    ).toBe(404);
    app().setNow('2027-01-21T08:00:00+01:00');
    client = await signIn(adminEmail);
    const late = await client.delete(`/api/company/subscriptions/${sub.id}/end`);
    expect(late.status).toBe(409);
    const later = await client.post(`/api/company/subscriptions/${sub.id}/end`, {
      effective: 'date',
      endDate: '2027-02-01',
    });
    expect(later.status).toBe(409);
  });

  it('rule 5: an end cannot move past the start of the subscription a category change made', async () => {
    const { client, company } = await createCompany(app());
    const sub = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01' });
    const change = await client.post(`/api/company/subscriptions/${sub.id}/change-category`, {
      categoryId: 'honnor',
      effective: 'next_month',
    });
    expect(change.status).toBe(201);
    const r = await client.delete(`/api/company/subscriptions/${sub.id}/end`);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('SUBSCRIPTION_EXISTS');
    const later = await client.post(`/api/company/subscriptions/${sub.id}/end`, {
      effective: 'date',
      endDate: '2027-03-31',
    });
    expect(later.body.error.code).toBe('SUBSCRIPTION_EXISTS');
    const earlier = await client.post(`/api/company/subscriptions/${sub.id}/end`, {
      effective: 'date',
      endDate: '2027-01-20',
    });
    expect(earlier.status, JSON.stringify(earlier.body)).toBe(200);
  });

  it('an approved subscription given a date before its start is cancelled at no cost; a pending order must be decided first', async () => {
    const { client, company } = await createCompany(app());
    const sub = await createSubscription(app(), { companyId: company.id, startDate: '2027-03-01' });
    const fixed = await createSubscription(app(), { companyId: company.id, startDate: '2027-02-01' });
    const order = await createSubscription(app(), {
      companyId: company.id,
      startDate: '2027-02-01',
      state: 'pending',
    });
    const r = await client.post(`/api/company/subscriptions/${sub.id}/end`, {
      effective: 'date',
      endDate: '2027-02-15',
    });
    expect(r.body.status).toBe('cancelled');
    const term = await client.post(`/api/company/subscriptions/${fixed.id}/end`, {
      effective: 'date',
      endDate: '2027-06-30',
    });
    expect(term.body).toMatchObject({ status: 'approved', startDate: '2027-02-01', endDate: '2027-06-30' });
    const pending = await client.post(`/api/company/subscriptions/${order.id}/end`, {
      effective: 'date',
      endDate: '2027-06-30',
    });
    expect(pending.status).toBe(409);
  });

  it('billing: the month of a mid-month end is billed in full, and the payroll basis deducts the full month', async () => {
    let { client, company, adminEmail } = await createCompany(app(), {
      subsidy: { type: 'percent', value: 50 },
    });
    const ends = await createSubscription(app(), {
      companyId: company.id,
      startDate: '2027-01-01',
      lastName: 'Aas',
    });
    await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01', lastName: 'Berg' });
    await client.post(`/api/company/subscriptions/${ends.id}/end`, {
      effective: 'date',
      endDate: '2027-02-10',
    });
    app().setNow('2027-03-01T07:00:00+01:00');
    client = await signIn(adminEmail);
    const op = new TestClient(app().server);
    await op.login(OPERATOR.email, OPERATOR.password);
    const run = await op.post('/api/operator/billing-runs', { month: '2027-02' });
    expect(run.status).toBe(200);
    const invoice = run.body.invoices.find((i: { companyId: string }) => i.companyId === company.id);
    const lines = await app()
      .ctx.db.select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, invoice.id));
    const aas = lines.find((l) => l.subscriptionId === ends.id)!;
    const berg = lines.find((l) => l.subscriptionId !== ends.id)!;
    expect(aas.daysValid).toBe(10);
    expect(aas.grossOre).toBe(berg.grossOre);
    const payroll = await client.get('/api/company/payroll?month=2027-02');
    expect(payroll.status, JSON.stringify(payroll.body)).toBe(200);
    const rows = payroll.body.rows;
    const aasRow = rows.find((r: { subscriptionId: string }) => r.subscriptionId === ends.id);
    const bergRow = rows.find((r: { subscriptionId: string }) => r.subscriptionId !== ends.id);
    expect(aasRow.deductionOre).toBe(bergRow.deductionOre);
    expect(aasRow.priceOre).toBe(bergRow.priceOre);
  });
});
