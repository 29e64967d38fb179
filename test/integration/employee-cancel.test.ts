import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditLog, subscriptions } from '../../src/db/schema';
import { describeEachEngine } from '../support/each-engine';
import { createSubscription } from '../support/factories';
import { employeeClient, order, orderingCompany } from './employee-support';

describeEachEngine('employee cancels (rule 10)', (app) => {
  it('a pending order that has not started is cancelled at no cost: status cancelled, no end date, audited', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { company } = await orderingCompany(app(), { selfService: 'manual' });
    const { client } = await employeeClient(app(), company.orderToken);
    const ordered = await client.post('/api/me/subscriptions', order());
    const r = await client.post(`/api/me/subscriptions/${ordered.body.id}/cancel`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: ordered.body.id, status: 'cancelled', endDate: null });
    const audit = await app().ctx.db.select().from(auditLog).where(eq(auditLog.entityId, ordered.body.id));
    const entry = audit.find((a) => a.action === 'subscription.cancelled');
    expect(entry).toMatchObject({ actorType: 'employee', companyId: company.id });
    expect(entry!.before).toMatchObject({ status: 'pending' });
    expect(entry!.after).toMatchObject({ status: 'cancelled' });
  });

  it('an approved order whose start date is still ahead is cancelled too (it never started)', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { company } = await orderingCompany(app(), { selfService: 'automatic' });
    const { client } = await employeeClient(app(), company.orderToken);
    const ordered = await client.post('/api/me/subscriptions', order());
    expect(ordered.body.status).toBe('approved');
    const r = await client.post(`/api/me/subscriptions/${ordered.body.id}/cancel`);
    expect(r.body).toMatchObject({ status: 'cancelled', endDate: null });
  });

  it('a started subscription ends on the last day of the current month; re-ordering waits until it has ended, then starts the 1st of the month after', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { company } = await orderingCompany(app(), { selfService: 'manual' });
    const { client, phone } = await employeeClient(app(), company.orderToken);
    const sub = await createSubscription(app(), { companyId: company.id, phone, startDate: '2027-01-01' });
    const r = await client.post(`/api/me/subscriptions/${sub.id}/cancel`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'active', endDate: '2027-01-31' });
    const [row] = await app().ctx.db.select().from(subscriptions).where(eq(subscriptions.id, sub.id));
    expect(row!.state).toBe('approved');

    const again = await client.post(`/api/me/subscriptions/${sub.id}/cancel`);
    expect(again.body.endDate).toBe('2027-01-31');
    expect((await client.post('/api/me/subscriptions', order())).status).toBe(409);

    app().setNow('2027-02-03T09:00:00+01:00');
    // The phone session has been idle for more than 14 days: the employee logs in again.
    const later = (await employeeClient(app(), company.orderToken, phone)).client;
    const list = await later.get('/api/me/subscriptions');
    expect(list.body.items[0]).toMatchObject({ id: sub.id, status: 'ended' });
    const reorder = await later.post('/api/me/subscriptions', order());
    expect(reorder.status).toBe(201);
    expect(reorder.body.id).not.toBe(sub.id);
    expect(reorder.body.startDate).toBe('2027-03-01');
  });

  it('rule 10 at the year end: cancelling on 2027-12-31 ends on 2027-12-31', async () => {
    app().setNow('2027-12-31T22:00:00+01:00');
    const { company } = await orderingCompany(app());
    const { client, phone } = await employeeClient(app(), company.orderToken);
    const sub = await createSubscription(app(), { companyId: company.id, phone, startDate: '2027-12-01' });
    const r = await client.post(`/api/me/subscriptions/${sub.id}/cancel`);
    expect(r.body.endDate).toBe('2027-12-31');
  });

  it('a rejected or ended subscription cannot be cancelled: 409 SUBSCRIPTION_STATE', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { company } = await orderingCompany(app());
    const { client, phone } = await employeeClient(app(), company.orderToken);
    const sub = await createSubscription(app(), {
      companyId: company.id,
      phone,
      startDate: '2026-11-01',
      endDate: '2026-12-31',
    });
    const r = await client.post(`/api/me/subscriptions/${sub.id}/cancel`);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('SUBSCRIPTION_STATE');
  });

  it('an id that is not a subscription is 404, never 500', async () => {
    const { company } = await orderingCompany(app());
    const { client } = await employeeClient(app(), company.orderToken);
    expect((await client.post('/api/me/subscriptions/not-a-uuid/cancel')).status).toBe(404);
    expect(
      (await client.post('/api/me/subscriptions/00000000-0000-4000-8000-000000000000/cancel')).status,
    ).toBe(404);
  });
});
