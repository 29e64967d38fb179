import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { subscriptions } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription, mobile } from '../support/factories';
import type { TestApp } from '../support/test-app';

type Call = [method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown];

/** Every company-admin route that names a subscription, aimed at one pending and one active one. */
function callsOnSubscriptions(ids: { pendingId: string; activeId: string }): Call[] {
  return [
    ['GET', `/api/company/subscriptions/${ids.activeId}`],
    ['POST', `/api/company/subscriptions/${ids.pendingId}/approve`, { startToday: true }],
    ['POST', `/api/company/subscriptions/${ids.pendingId}/reject`, { reason: 'x' }],
    [
      'POST',
      `/api/company/subscriptions/${ids.activeId}/change-zones`,
      { zoneIds: ['arendal'], effective: 'now' },
    ],
    ['GET', `/api/company/subscriptions/${ids.activeId}/change-zones/preview?zoneIds=arendal&effective=now`],
    [
      'GET',
      `/api/company/subscriptions/${ids.activeId}/change-category/preview?categoryId=honnor&effective=now`,
    ],
    [
      'POST',
      `/api/company/subscriptions/${ids.activeId}/change-category`,
      { categoryId: 'honnor', effective: 'now' },
    ],
    ['POST', `/api/company/subscriptions/${ids.activeId}/end`, { effective: 'now' }],
    ['DELETE', `/api/company/subscriptions/${ids.activeId}/end`],
  ];
}

/** A department admin of the given departments, invited by the full admin and signed in. */
async function departmentAdmin(app: TestApp, full: TestClient, departmentIds: string[]) {
  const email = `avd-${Math.random().toString(36).slice(2, 8)}@bedrift.example`;
  const invited = await full.post('/api/company/admins', {
    name: 'Avdeling Admin',
    email,
    role: 'department',
    departmentIds,
  });
  expect(invited.status).toBe(201);
  expect(invited.body).toMatchObject({ role: 'department', departmentIds });
  const mail = (await full.get(`/api/dev/outbox?to=${encodeURIComponent(email)}`)).body.messages[0].body;
  const token = /\/bedrift\/invitasjon\/([A-Za-z0-9_-]+)/.exec(mail)![1];
  const client = new TestClient(app.server);
  expect(
    (await client.post(`/api/auth/invitations/${token}/accept`, { password: 'avdeling-passord-1234' }))
      .status,
  ).toBe(200);
  return client;
}

async function seed(app: TestApp) {
  const made = await createCompany(app);
  const salg = (await made.client.post('/api/company/departments', { name: 'Salg', costCentre: '4100' }))
    .body;
  const drift = (await made.client.post('/api/company/departments', { name: 'Drift', costCentre: '4200' }))
    .body;
  const pair = async (departmentId: string | null, lastName: string) => ({
    activeId: (
      await createSubscription(app, {
        companyId: made.company.id,
        startDate: '2027-01-01',
        departmentId,
        lastName,
      })
    ).id,
    pendingId: (
      await createSubscription(app, {
        companyId: made.company.id,
        startDate: '2027-02-01',
        state: 'pending',
        departmentId,
        lastName,
      })
    ).id,
  });
  return {
    ...made,
    salg,
    drift,
    mine: await pair(salg.id, 'Salgsen'),
    theirs: await pair(drift.id, 'Driftsen'),
    none: await pair(null, 'Utensen'),
  };
}

describeEachEngine('issue 16 item 4: a department admin acts only within their departments', (app) => {
  it('every route naming a subscription of another department (or of none) is 404 and changes nothing; their own department’s work', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const s = await seed(app());
    const dept = await departmentAdmin(app(), s.client, [s.salg.id]);
    const before = await app()
      .ctx.db.select()
      .from(subscriptions)
      .where(eq(subscriptions.companyId, s.company.id));
    for (const ids of [s.theirs, s.none]) {
      for (const [method, url, body] of callsOnSubscriptions(ids)) {
        const r = await dept.request(method, url, method === 'GET' ? undefined : (body ?? {}));
        expect(r.status, `${method} ${url}`).toBe(404);
        expect(r.body.error.code, `${method} ${url}`).toBe('NOT_FOUND');
      }
      const bulk = await dept.post('/api/company/subscriptions/bulk', {
        action: 'move_department',
        departmentId: s.salg.id,
        ids: [ids.activeId],
      });
      expect(bulk.body.results[0]).toMatchObject({ outcome: 'failed', code: 'NOT_FOUND' });
    }
    const after = await app()
      .ctx.db.select()
      .from(subscriptions)
      .where(eq(subscriptions.companyId, s.company.id));
    expect(after).toEqual(before);

    // Their own department: readable and changeable.
    expect((await dept.get(`/api/company/subscriptions/${s.mine.activeId}`)).status).toBe(200);
    expect((await dept.post(`/api/company/subscriptions/${s.mine.pendingId}/approve`, {})).status).toBe(200);
  });

  it('lists, export, dashboard, payroll basis, pasted selection and departments show only their departments; new subscriptions must go into one of them', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const s = await seed(app());
    const dept = await departmentAdmin(app(), s.client, [s.salg.id]);
    const names = (r: { body: { items: { lastName: string }[] } }) => [
      ...new Set(r.body.items.map((i) => i.lastName)),
    ];
    expect(names(await dept.get('/api/company/subscriptions'))).toEqual(['Salgsen']);
    expect(names(await dept.get(`/api/company/subscriptions?department=${s.drift.id}`))).toEqual([]);
    const csv = (await dept.get('/api/company/subscriptions/export?format=csv')).text;
    expect(csv).toContain('Salgsen');
    expect(csv).not.toContain('Driftsen');
    expect(csv).not.toContain('Utensen');
    expect((await dept.get('/api/company/dashboard')).body.counts).toMatchObject({ active: 1, pending: 1 });
    const basis = await dept.get('/api/company/payroll?month=2027-01');
    expect(basis.body.rows.map((r: { lastName: string }) => r.lastName)).toEqual(['Salgsen']);
    expect(
      (await dept.get('/api/company/departments')).body.items.map((d: { name: string }) => d.name),
    ).toEqual(['Salg']);
    const picked = await dept.post('/api/company/subscriptions/select', { text: 'Salgsen\nDriftsen' });
    expect(picked.status).toBe(200);

    const person = { firstName: 'Ny', lastName: 'Person', zoneIds: ['kristiansand'], categoryId: 'voksen' };
    const noDept = await dept.post('/api/company/subscriptions', { ...person, phone: mobile() });
    expect(noDept.status).toBe(400);
    expect(noDept.body.error.code).toBe('DEPARTMENT_UNKNOWN');
    const other = await dept.post('/api/company/subscriptions', {
      ...person,
      phone: mobile(),
      departmentId: s.drift.id,
    });
    expect(other.body.error.code).toBe('DEPARTMENT_UNKNOWN');
    const own = await dept.post('/api/company/subscriptions', {
      ...person,
      phone: mobile(),
      departmentId: s.salg.id,
    });
    expect(own.status).toBe(201);
    const move = await dept.post('/api/company/subscriptions/bulk', {
      action: 'move_department',
      departmentId: s.drift.id,
      ids: [s.mine.activeId],
    });
    expect(move.body.results[0]).toMatchObject({ outcome: 'failed', code: 'DEPARTMENT_UNKNOWN' });
  });

  it('hostile check: a department admin’s import neither changes nor names a subscription of another department (by its mobile number)', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const s = await seed(app());
    const dept = await departmentAdmin(app(), s.client, [s.salg.id]);
    const [theirs] = await app()
      .ctx.db.select({ phone: subscriptions.phone })
      .from(subscriptions)
      .where(eq(subscriptions.id, s.theirs.activeId));
    const csv = [
      'Fornavn;Etternavn;Mobil;Soner;Kategori;Avdeling',
      `Kari;Driftsen;${theirs!.phone};Arendal;Voksen;Salg`,
    ].join('\n');
    const r = await dept.post('/api/company/subscriptions/import', { csv, dryRun: true });
    expect(r.status).toBe(200);
    const row = r.body.rows[0];
    expect(row.subscriptionId).toBeUndefined();
    expect(row.changes).toEqual([]);
    expect(row.errors.map((e: { code: string }) => e.code)).toEqual(['NOT_FOUND']);
    expect(JSON.stringify(r.body)).not.toContain(s.theirs.activeId);
  });

  it('the full admin’s own work is refused to a department admin (403): settings, departments, admins, master data, audit, order link', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const s = await seed(app());
    const dept = await departmentAdmin(app(), s.client, [s.salg.id]);
    const refused: Call[] = [
      ['PATCH', '/api/company/settings', { invoiceSplit: 'department' }],
      ['POST', '/api/company/departments', { name: 'Ny', costCentre: '1' }],
      ['PATCH', `/api/company/departments/${s.salg.id}`, { name: 'Ny' }],
      ['DELETE', `/api/company/departments/${s.drift.id}`],
      ['GET', '/api/company/admins'],
      ['POST', '/api/company/admins', { name: 'X', email: 'x@bedrift.example' }],
      ['GET', '/api/company/master-data'],
      ['PATCH', '/api/company/master-data', { name: 'Avdelingsbedrift' }],
      ['GET', '/api/company/audit'],
      ['GET', '/api/company/order-link'],
      ['POST', '/api/company/order-link/rotate', {}],
    ];
    for (const [method, url, body] of refused) {
      const r = await dept.request(method, url, body);
      expect(r.status, `${method} ${url}`).toBe(403);
    }
    expect((await s.client.get('/api/company/settings')).body.invoiceSplit).toBe('company');
    expect((await s.client.get('/api/company/departments')).body.items).toHaveLength(2);
  });

  it('invoices: a department admin reads only their departments’ own invoices (PDF and EHF), not the company’s or another department’s', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const s = await seed(app());
    await s.client.patch('/api/company/settings', { invoiceSplit: 'department' });
    const dept = await departmentAdmin(app(), s.client, [s.salg.id]);
    app().setNow('2027-02-01T10:00:00+01:00');
    const op = new TestClient(app().server);
    await op.login('operator@example.no', 'operator-password-123');
    expect((await op.post('/api/operator/billing-runs', { month: '2027-01' })).status).toBe(200);
    const full = new TestClient(app().server);
    await full.login(s.adminEmail, 'admin-password-1234');
    const all = (await full.get('/api/company/invoices')).body.items as {
      id: string;
      department: { name: string } | null;
    }[];
    expect(all).toHaveLength(3);
    const deptClient = new TestClient(app().server);
    // The invitation's session is gone after the fortnight: the admin signs in again.
    const email = (await full.get('/api/company/admins')).body.items.find(
      (a: { role: string }) => a.role === 'department',
    ).email;
    await deptClient.login(email, 'avdeling-passord-1234');
    const seen = (await deptClient.get('/api/company/invoices')).body.items as {
      id: string;
      department: { name: string } | null;
    }[];
    expect(seen.map((i) => i.department?.name)).toEqual(['Salg']);
    for (const i of all) {
      const expected = i.department?.name === 'Salg' ? 200 : 404;
      for (const format of ['pdf', 'ehf']) {
        expect(
          (await deptClient.get(`/api/company/invoices/${i.id}/${format}`)).status,
          `${i.department?.name} ${format}`,
        ).toBe(expected);
      }
    }
    expect(dept).toBeTruthy();
  });
});
