import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { companies, messages, subscriptions } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { ADMIN_PASSWORD, createCompany, mobile } from '../support/factories';
import { OPERATOR } from '../support/test-app';
import { employeeClient, order, orderingCompany } from './employee-support';

const byHand = () => ({
  firstName: 'Ola',
  lastName: 'Nordmann',
  phone: mobile(),
  zoneIds: ['kristiansand'],
  categoryId: 'voksen',
});

describeEachEngine('sessions end when they must (issue 12.7)', (app) => {
  async function deactivate(companyId: string) {
    const operator = new TestClient(app().server);
    await operator.login(OPERATOR.email, OPERATOR.password);
    const r = await operator.post(`/api/operator/companies/${companyId}/deactivate`, { confirm: true });
    expect(r.status).toBe(200);
  }

  it("a deactivated company's admin can change nothing (403 COMPANY_DEACTIVATED), no SMS is queued, reading still works", async () => {
    const { company, client: admin } = await createCompany(app());
    expect((await admin.post('/api/company/subscriptions', byHand())).status).toBe(201);
    await deactivate(company.id);
    const messagesBefore = (await app().ctx.db.select().from(messages)).length;
    const subscriptionsBefore = await app()
      .ctx.db.select()
      .from(subscriptions)
      .where(eq(subscriptions.companyId, company.id));

    const attempts = [
      await admin.post('/api/company/subscriptions', byHand()),
      await admin.patch('/api/company/settings', { selfService: 'automatic' }),
      await admin.post('/api/company/order-link/rotate'),
      await admin.post('/api/company/admins', { name: 'Ny Admin', email: 'ny@bedrift.example' }),
      await admin.post('/api/company/subscriptions/import', { csv: 'fornavn;etternavn;mobil\n' }),
    ];
    for (const r of attempts) {
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('COMPANY_DEACTIVATED');
      expect(r.body.error.message).toMatch(/deaktivert/);
    }
    const english = new TestClient(app().server, 'en');
    english.cookieJar.clear();
    for (const [name, value] of admin.cookieJar) english.cookieJar.set(name, value);
    const inEnglish = await english.post('/api/company/subscriptions', byHand());
    expect(inEnglish.body.error.message).toMatch(/deactivated/);

    expect((await app().ctx.db.select().from(messages)).length).toBe(messagesBefore);
    expect(
      await app().ctx.db.select().from(subscriptions).where(eq(subscriptions.companyId, company.id)),
    ).toEqual(subscriptionsBefore);
    expect((await admin.get('/api/company/subscriptions')).status).toBe(200);
    // Their own password is still theirs to change (hostile check, issue 12).
    const changed = await admin.post('/api/auth/password', {
      currentPassword: ADMIN_PASSWORD,
      newPassword: 'Et nytt og langt passord for vinteren 2027',
    });
    expect(changed.status).toBe(204);
    expect((await admin.post('/api/auth/logout')).status).toBeLessThan(300);
  });

  it("a deactivated company's employees can change nothing either (the guard, not each route)", async () => {
    const { company } = await orderingCompany(app(), { selfService: 'manual' });
    const { client: employee } = await employeeClient(app(), company.orderToken);
    // Deactivated in the database only (no link rotation), so the session itself lives on.
    await app().ctx.db.update(companies).set({ status: 'deactivated' }).where(eq(companies.id, company.id));
    const r = await employee.post('/api/me/subscriptions', order());
    expect([r.status, r.body.error.code]).toEqual([403, 'COMPANY_DEACTIVATED']);
    expect((await employee.get('/api/me')).status).toBe(200);
  });

  it('rotating the order link ends the employee sessions opened through the old link', async () => {
    const { company, client: admin } = await orderingCompany(app(), { selfService: 'manual' });
    const { client: employee } = await employeeClient(app(), company.orderToken);
    expect((await employee.get('/api/me')).status).toBe(200);

    const rotated = await admin.post('/api/company/order-link/rotate');
    expect(rotated.status).toBe(200);
    expect((await employee.get('/api/me')).status).toBe(401);
    const ordered = await employee.post('/api/me/subscriptions', order());
    expect(ordered.status).toBe(401);

    // A new session through the new link works; the admin's own session is untouched.
    const newToken = String(rotated.body.url).split('/bestill/')[1]!;
    const { client: again } = await employeeClient(app(), newToken);
    expect((await again.post('/api/me/subscriptions', order())).status).toBe(201);
    expect((await admin.get('/api/company/subscriptions')).status).toBe(200);
  });

  it("rotating one company's link leaves another company's employees signed in", async () => {
    const one = await orderingCompany(app());
    const other = await orderingCompany(app());
    const { client: employee } = await employeeClient(app(), other.company.orderToken);
    expect((await one.client.post('/api/company/order-link/rotate')).status).toBe(200);
    expect((await employee.get('/api/me')).status).toBe(200);
  });
});
