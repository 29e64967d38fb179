import { expect, it } from 'vitest';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription } from '../support/factories';
import { OPERATOR, type TestApp } from '../support/test-app';

type Call = [method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown];

/** Every company-admin route that names a record, aimed at company B's records. */
function callsOnRecordsOf(b: { pendingId: string; activeId: string; adminId: string }): Call[] {
  return [
    ['GET', `/api/company/subscriptions/${b.activeId}`],
    ['POST', `/api/company/subscriptions/${b.pendingId}/approve`, { startToday: true }],
    ['POST', `/api/company/subscriptions/${b.pendingId}/reject`, { reason: 'x' }],
    [
      'POST',
      `/api/company/subscriptions/${b.activeId}/change-zones`,
      { zoneIds: ['arendal'], effective: 'now' },
    ],
    ['GET', `/api/company/subscriptions/${b.activeId}/change-zones/preview?zoneIds=arendal&effective=now`],
    [
      'GET',
      `/api/company/subscriptions/${b.activeId}/change-category/preview?categoryId=honnor&effective=now`,
    ],
    [
      'POST',
      `/api/company/subscriptions/${b.activeId}/change-category`,
      { categoryId: 'honnor', effective: 'now' },
    ],
    ['POST', `/api/company/subscriptions/${b.activeId}/end`, { effective: 'now' }],
    ['DELETE', `/api/company/admins/${b.adminId}`],
    ['POST', `/api/company/admins/${b.adminId}/resend-invitation`, {}],
  ];
}

/** Every company-admin route, for the "employees and operators cannot use them" check. */
function everyRoute(ids: { pendingId: string; activeId: string; adminId: string }): Call[] {
  return [
    ['GET', '/api/company/settings'],
    ['PATCH', '/api/company/settings', { selfService: 'automatic' }],
    ['GET', '/api/company/order-link'],
    ['POST', '/api/company/order-link/rotate', {}],
    ['GET', '/api/company/order-link/poster.pdf'],
    ['GET', '/api/company/dashboard'],
    ['GET', '/api/company/audit'],
    ['GET', '/api/company/master-data'],
    ['PATCH', '/api/company/master-data', { name: 'Inntrenger AS' }],
    ['GET', '/api/company/admins'],
    ['POST', '/api/company/admins', { name: 'Inntrenger', email: 'intruder@evil.example' }],
    ['GET', '/api/company/subscriptions'],
    [
      'POST',
      '/api/company/subscriptions',
      { firstName: 'A', lastName: 'B', phone: '94999999', zoneIds: ['arendal'], categoryId: 'voksen' },
    ],
    [
      'POST',
      '/api/company/subscriptions/import',
      { csv: 'Fornavn;Etternavn;Mobil;Soner;Kategori\nA;B;94999998;Arendal;Voksen' },
    ],
    ...callsOnRecordsOf(ids),
  ];
}

async function seedCompany(app: TestApp, name: string) {
  const { client, company, admin } = await createCompany(app, { name });
  const surname = name === 'Bedrift A AS' ? 'Aasen' : 'Berntsen';
  const active = await createSubscription(app, {
    companyId: company.id,
    startDate: '2027-01-01',
    firstName: 'Hemmelig',
    lastName: surname,
    phone: name === 'Bedrift A AS' ? '+4795000001' : '+4795000002',
  });
  const pending = await createSubscription(app, {
    companyId: company.id,
    startDate: '2027-02-01',
    state: 'pending',
    lastName: surname,
  });
  await client.patch('/api/company/settings', { deductionTerms: `Vilkår for ${name}` });
  return { client, company, adminId: admin.id, activeId: active.id, pendingId: pending.id };
}

async function snapshot(client: TestClient) {
  const [settings, link, subs, admins, audit] = await Promise.all([
    client.get('/api/company/settings'),
    client.get('/api/company/order-link'),
    client.get('/api/company/subscriptions'),
    client.get('/api/company/admins'),
    client.get('/api/company/audit?limit=200'),
  ]);
  return {
    settings: settings.body,
    link: link.body,
    subs: subs.body,
    admins: admins.body,
    auditIds: audit.body.items.map((e: { id: number }) => e.id),
  };
}

describeEachEngine('tenant isolation: company A never reaches company B (issue 3, item 8)', (app) => {
  it("admin A gets 404 on every route that names one of B's records, and B's data is unchanged", async () => {
    const a = await seedCompany(app(), 'Bedrift A AS');
    const b = await seedCompany(app(), 'Bedrift B AS');
    const before = await snapshot(b.client);
    for (const [method, url, body] of callsOnRecordsOf(b)) {
      const r = await a.client.request(method, url, method === 'GET' ? undefined : (body ?? {}));
      expect(r.status, `${method} ${url}`).toBe(404);
      expect(r.body.error.code, `${method} ${url}`).toBe('NOT_FOUND');
    }
    expect(await snapshot(b.client)).toEqual(before);
    expect((await a.client.get('/api/dev/outbox?to=%2B4795000002')).body.messages).toHaveLength(1);
  });

  it("admin A's lists, settings, link, dashboard and audit log show only A's data", async () => {
    const a = await seedCompany(app(), 'Bedrift A AS');
    const b = await seedCompany(app(), 'Bedrift B AS');
    const seen = JSON.stringify(await snapshot(a.client));
    const dashboard = await a.client.get('/api/company/dashboard');
    expect(dashboard.body.counts).toMatchObject({ active: 1, pending: 1 });
    for (const secret of [
      b.company.id,
      b.activeId,
      b.pendingId,
      b.adminId,
      b.company.orderToken,
      'Bedrift B AS',
    ]) {
      expect(seen).not.toContain(secret);
    }
    expect(seen).toContain(a.activeId);
    const search = await a.client.get('/api/company/subscriptions?q=Berntsen');
    expect(search.body.items).toEqual([]);
    const byPhone = await a.client.get('/api/company/subscriptions?q=95000002');
    expect(byPhone.body.items).toEqual([]);
  });

  it("admin A writes only to A: a body can't name another company, and A's import/new subscription lands in A", async () => {
    const a = await seedCompany(app(), 'Bedrift A AS');
    const b = await seedCompany(app(), 'Bedrift B AS');
    const sneaky = await a.client.patch('/api/company/settings', {
      companyId: b.company.id,
      selfService: 'disabled',
    });
    expect(sneaky.status).toBe(400);
    const created = await a.client.post('/api/company/subscriptions', {
      firstName: 'Samme',
      lastName: 'Person',
      phone: '+4795000002', // B's employee's phone: a different employee record in A
      zoneIds: ['arendal'],
      categoryId: 'voksen',
      companyId: b.company.id,
    });
    expect(created.status).toBe(201);
    expect(created.body.companyId).toBe(a.company.id);
    const bSubs = await b.client.get('/api/company/subscriptions');
    expect(bSubs.body.items.map((s: { id: string }) => s.id).sort()).toEqual(
      [b.activeId, b.pendingId].sort(),
    );
  });

  it('an employee session and an operator session cannot use any company-admin route', async () => {
    const b = await seedCompany(app(), 'Bedrift B AS');
    const link = (await b.client.get('/api/company/order-link')).body.url as string;
    const token = link.split('/bestill/')[1]!;
    const employee = new TestClient(app().server);
    expect((await employee.post(`/api/order/${token}/otp`, { phone: '95000002' })).status).toBe(202);
    const sms = (await employee.get('/api/dev/outbox?to=%2B4795000002')).body.messages[0].body as string;
    const code = /\b(\d{6})\b/.exec(sms)![1];
    const verified = await employee.post(`/api/order/${token}/otp/verify`, { phone: '95000002', code });
    expect(verified.status).toBe(200);
    expect((await employee.get('/api/me/subscriptions')).status).toBe(200);

    const operator = new TestClient(app().server);
    await operator.login(OPERATOR.email, OPERATOR.password);
    const before = await snapshot(b.client);
    for (const [method, url, body] of everyRoute(b)) {
      const asEmployee = await employee.request(method, url, method === 'GET' ? undefined : (body ?? {}));
      expect([401, 403], `employee ${method} ${url}`).toContain(asEmployee.status);
      const asOperator = await operator.request(method, url, method === 'GET' ? undefined : (body ?? {}));
      expect(asOperator.status, `operator ${method} ${url}`).toBe(403);
      const anonymous = await new TestClient(app().server).request(
        method,
        url,
        method === 'GET' ? undefined : (body ?? {}),
      );
      expect(anonymous.status, `anonymous ${method} ${url}`).toBe(401);
    }
    expect(await snapshot(b.client)).toEqual(before);
  });
});
