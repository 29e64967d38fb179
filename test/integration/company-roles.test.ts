import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { users } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription } from '../support/factories';
import type { TestApp } from '../support/test-app';
import { employeeClient, order, orderingCompany } from './employee-support';

type Call = [method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown];

/** A payroll-only admin of the company, invited by its full admin and logged in. */
async function payrollAdmin(app: TestApp, full: TestClient) {
  const email = `lonn-${Math.random().toString(36).slice(2, 8)}@bedrift.example`;
  const invited = await full.post('/api/company/admins', { name: 'Lønn Lønnsen', email, role: 'payroll' });
  expect(invited.status).toBe(201);
  expect(invited.body.role).toBe('payroll');
  const mail = (await full.get(`/api/dev/outbox?to=${encodeURIComponent(email)}`)).body.messages[0].body;
  const token = /\/bedrift\/invitasjon\/([A-Za-z0-9_-]+)/.exec(mail)![1];
  const client = new TestClient(app.server);
  expect(
    (await client.post(`/api/auth/invitations/${token}/accept`, { password: 'lonn-passord-1234' })).status,
  ).toBe(200);
  return { client, id: invited.body.id as string };
}

describeEachEngine(
  'issue 16 item 4: a payroll-only admin reads subscriptions, payroll and invoices, and changes nothing',
  (app) => {
    it('every changing route is 403 for the payroll admin and changes nothing; the reads of the role answer 200', async () => {
      const { client: full, company, admin } = await createCompany(app());
      const active = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01' });
      const pending = await createSubscription(app(), {
        companyId: company.id,
        startDate: '2027-02-01',
        state: 'pending',
      });
      const payroll = await payrollAdmin(app(), full);
      const refused: Call[] = [
        ['PATCH', '/api/company/settings', { selfService: 'automatic' }],
        ['POST', '/api/company/order-link/rotate', {}],
        ['GET', '/api/company/order-link'],
        ['GET', '/api/company/order-link/poster.pdf'],
        ['GET', '/api/company/audit'],
        ['GET', '/api/company/admins'],
        ['POST', '/api/company/admins', { name: 'Inntrenger', email: 'inn@bedrift.example' }],
        ['POST', `/api/company/admins/${admin.id}/resend-invitation`, {}],
        ['DELETE', `/api/company/admins/${admin.id}`],
        ['GET', '/api/company/master-data'],
        ['PATCH', '/api/company/master-data', { name: 'Lønnsbedrift AS' }],
        [
          'POST',
          '/api/company/subscriptions',
          { firstName: 'A', lastName: 'B', phone: '94999997', zoneIds: ['arendal'], categoryId: 'voksen' },
        ],
        [
          'POST',
          '/api/company/subscriptions/import',
          { csv: 'Fornavn;Etternavn;Mobil;Soner;Kategori\nA;B;94999996;Arendal;Voksen' },
        ],
        ['POST', `/api/company/subscriptions/${pending.id}/approve`, { startToday: true }],
        ['POST', `/api/company/subscriptions/${pending.id}/reject`, { reason: 'x' }],
        [
          'POST',
          `/api/company/subscriptions/${active.id}/change-zones`,
          { zoneIds: ['arendal'], effective: 'now' },
        ],
        [
          'POST',
          `/api/company/subscriptions/${active.id}/change-category`,
          { categoryId: 'honnor', effective: 'now' },
        ],
        ['POST', `/api/company/subscriptions/${active.id}/end`, { effective: 'now' }],
        ['DELETE', `/api/company/subscriptions/${active.id}/end`],
        ['POST', '/api/company/subscriptions/bulk', { action: 'approve', ids: [pending.id] }],
        ['POST', '/api/company/subscriptions/bulk', { action: 'end', ids: [active.id], dryRun: true }],
        [
          'POST',
          '/api/company/subscriptions/bulk',
          { action: 'move_department', departmentId: null, ids: [active.id] },
        ],
        ['POST', '/api/company/departments', { name: 'Lønnsavdeling', costCentre: '9' }],
        ['PATCH', '/api/company/departments/00000000-0000-4000-8000-000000000000', { name: 'X' }],
        ['DELETE', '/api/company/departments/00000000-0000-4000-8000-000000000000'],
      ];
      for (const [method, url, body] of refused) {
        const r = await payroll.client.request(method, url, body);
        expect(r.status, `${method} ${url}`).toBe(403);
        expect(r.body.error.code, `${method} ${url}`).toBe('FORBIDDEN');
      }
      const allowed: string[] = [
        '/api/company/subscriptions',
        `/api/company/subscriptions/${active.id}`,
        '/api/company/subscriptions/export?format=csv',
        '/api/company/payroll?month=2027-01',
        '/api/company/payroll?month=2027-01&format=csv',
        '/api/company/invoices',
        '/api/company/dashboard',
        '/api/company/settings',
        '/api/company/departments',
        '/api/company/payroll?month=2027-01&department=none',
      ];
      for (const url of allowed) expect((await payroll.client.get(url)).status, url).toBe(200);
      // Nothing changed: the same subscriptions in the same states, the full admin's own view.
      const after = (await full.get('/api/company/subscriptions')).body.items;
      expect(after.map((s: { id: string; status: string }) => [s.id, s.status]).sort()).toEqual(
        [
          [active.id, 'active'],
          [pending.id, 'pending'],
        ].sort(),
      );
      expect((await full.get('/api/company/settings')).body.selfService).toBe('manual');
      expect((await full.get('/api/company/admins')).body.items).toHaveLength(2);
    });

    it("the full admin sees each admin's role; a payroll admin of one company reaches nothing of another", async () => {
      const a = await createCompany(app());
      const b = await createCompany(app());
      const bSub = await createSubscription(app(), { companyId: b.company.id, startDate: '2027-01-01' });
      const payroll = await payrollAdmin(app(), a.client);
      const admins = (await a.client.get('/api/company/admins')).body.items as { id: string; role: string }[];
      expect(admins.find((x) => x.id === payroll.id)?.role).toBe('payroll');
      expect(admins.find((x) => x.id !== payroll.id)?.role).toBe('full');
      expect((await payroll.client.get(`/api/company/subscriptions/${bSub.id}`)).status).toBe(404);
      expect((await payroll.client.get('/api/company/subscriptions')).body.items).toHaveLength(0);
      // The last full admin cannot be removed while only a payroll admin would be left.
      const self = admins.find((x) => x.id !== payroll.id)!;
      expect((await a.client.delete(`/api/company/admins/${self.id}`)).body.error.code).toBe('LAST_ADMIN');
      const log = (await a.client.get('/api/company/audit?action=admin.invited')).body.items;
      expect(log[0].changes).toEqual(expect.arrayContaining([expect.objectContaining({ after: 'lønn' })]));
    });

    it('an order waiting for approval is emailed to the full admins only, not to a payroll admin who cannot approve it', async () => {
      const c = await orderingCompany(app(), { selfService: 'manual' });
      const payroll = await payrollAdmin(app(), c.client);
      await app()
        .ctx.db.update(users)
        .set({ newOrderNotice: 'immediate' })
        .where(eq(users.companyId, c.company.id));
      const employee = await employeeClient(app(), c.company.orderToken);
      expect((await employee.client.post('/api/me/subscriptions', order())).status).toBe(201);
      const kinds = async (email: string) =>
        (
          (await c.client.get(`/api/dev/outbox?to=${encodeURIComponent(email)}`)).body.messages as {
            kind: string;
          }[]
        ).map((m) => m.kind);
      expect(await kinds(c.adminEmail)).toContain('admin_new_order');
      const [payrollUser] = await app().ctx.db.select().from(users).where(eq(users.id, payroll.id));
      expect(await kinds(payrollUser!.email)).not.toContain('admin_new_order');
    });
  },
);
