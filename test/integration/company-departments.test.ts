import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { subscriptions, users } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { ADMIN_PASSWORD, createCompany, createSubscription, mobile } from '../support/factories';
import { employeeClient, order } from './employee-support';

type Department = { id: string; name: string; costCentre: string; subscriptions: number };
type Entry = {
  action: string;
  sentence: string;
  changes: { label: string; before: string; after: string }[];
};

const salg = {
  name: 'Salg',
  costCentre: '4100',
  buyerReference: 'SALG-77',
  invoiceAddress: { street: 'Salgsveien 1', postalCode: '4611', city: 'Kristiansand' },
};

describeEachEngine('issue 16 item 3: departments and cost centres', (app) => {
  it('a full admin adds, lists, renames, edits and deletes an empty department; each change audited in words', async () => {
    const { client } = await createCompany(app());
    const made = await client.post('/api/company/departments', salg);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ ...salg, subscriptions: 0 });
    const drift = await client.post('/api/company/departments', { name: 'Drift', costCentre: '4200' });
    expect(drift.body).toMatchObject({ buyerReference: null, invoiceAddress: null });

    const list = await client.get('/api/company/departments');
    expect(list.body.items.map((d: Department) => d.name)).toEqual(['Drift', 'Salg']);

    const renamed = await client.patch(`/api/company/departments/${made.body.id}`, {
      name: 'Salg og marked',
      buyerReference: null,
      invoiceAddress: null,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      name: 'Salg og marked',
      costCentre: '4100',
      buyerReference: null,
      invoiceAddress: null,
    });

    const gone = await client.delete(`/api/company/departments/${drift.body.id}`);
    expect(gone.status).toBe(200);
    expect((await client.get('/api/company/departments')).body.items).toHaveLength(1);

    const audit = (await client.get('/api/company/audit')).body.items as Entry[];
    const sentences = audit.map((e) => e.sentence);
    expect(sentences).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/ la til avdelingen Salg$/),
        expect.stringMatching(/ endret avdelingen Salg og marked$/),
        expect.stringMatching(/ slettet avdelingen Drift$/),
      ]),
    );
    const updated = audit.find((e) => e.action === 'department.updated')!;
    expect(updated.changes).toEqual(
      expect.arrayContaining([
        { label: 'Navn', before: 'Salg', after: 'Salg og marked' },
        { label: 'Fakturareferanse (EHF)', before: 'SALG-77', after: 'ingen' },
        { label: 'Egen fakturaadresse', before: 'Salgsveien 1, 4611 Kristiansand', after: 'ingen' },
      ]),
    );
  });

  it('bad input is a translated 4xx naming the field; a name or cost centre taken (any case) is 409 DEPARTMENT_TAKEN; nothing is written', async () => {
    const { client } = await createCompany(app());
    await client.post('/api/company/departments', salg);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ name: 'salg', costCentre: '9999' }, 409, 'name'],
      [{ name: 'Annet', costCentre: '4100' }, 409, 'costCentre'],
      [{ name: '', costCentre: '1' }, 400, 'name'],
      [
        { name: 'X', costCentre: '1', invoiceAddress: { street: 'a', postalCode: '46', city: 'b' } },
        400,
        'invoiceAddress.postalCode',
      ],
      [{ name: 'X' }, 400, 'costCentre'],
    ];
    for (const [body, status, field] of cases) {
      const r = await client.post('/api/company/departments', body, { 'accept-language': 'en' });
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(r.body.error.details[0].path).toBe(`body.${field}`);
      expect(r.body.error.message).toContain(`"${field}"`);
    }
    const nb = await client.post('/api/company/departments', { name: 'SALG', costCentre: '1' });
    expect(nb.body.error).toMatchObject({ code: 'DEPARTMENT_TAKEN' });
    expect(nb.body.error.message).toBe('«name» er allerede brukt av en annen avdeling.');
    expect((await client.get('/api/company/departments')).body.items).toHaveLength(1);
  });

  it('a department with subscriptions cannot be deleted (409 DEPARTMENT_IN_USE); another company’s department is 404 and cannot be used', async () => {
    const { client, company } = await createCompany(app());
    const other = await createCompany(app());
    const dept = (await client.post('/api/company/departments', salg)).body as Department;
    const theirs = (await other.client.post('/api/company/departments', { name: 'Deres', costCentre: '1' }))
      .body as Department;
    await createSubscription(app(), {
      companyId: company.id,
      startDate: '2027-02-01',
      departmentId: dept.id,
    });
    // The list counts it, as the refusal does (hostile check: the list said 0).
    const listed = (await client.get('/api/company/departments')).body.items as Department[];
    expect(listed.find((d) => d.id === dept.id)).toMatchObject({ subscriptions: 1 });
    const refused = await client.delete(`/api/company/departments/${dept.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('DEPARTMENT_IN_USE');

    expect((await client.patch(`/api/company/departments/${theirs.id}`, { name: 'Mitt' })).status).toBe(404);
    expect((await client.delete(`/api/company/departments/${theirs.id}`)).status).toBe(404);
    expect((await client.delete('/api/company/departments/not-a-uuid')).status).toBe(404);
    const byHand = await client.post('/api/company/subscriptions', {
      firstName: 'Kari',
      lastName: 'Nordmann',
      phone: mobile(),
      zoneIds: ['kristiansand'],
      categoryId: 'voksen',
      departmentId: theirs.id,
    });
    expect(byHand.status).toBe(400);
    expect(byHand.body.error.code).toBe('DEPARTMENT_UNKNOWN');
    expect(byHand.body.error.details[0].path).toBe('body.departmentId');
    expect((await other.client.get('/api/company/departments')).body.items[0].name).toBe('Deres');
  });

  it('a subscription gets its department by hand, by the import (name or cost centre) and on the employee’s order form', async () => {
    const { client, company } = await createCompany(app(), { selfService: 'manual' });
    const dept = (await client.post('/api/company/departments', salg)).body as Department;
    const drift = (await client.post('/api/company/departments', { name: 'Drift', costCentre: '4200' }))
      .body as Department;

    const byHand = await client.post('/api/company/subscriptions', {
      firstName: 'Kari',
      lastName: 'Nordmann',
      phone: mobile(),
      zoneIds: ['kristiansand'],
      categoryId: 'voksen',
      departmentId: dept.id,
    });
    expect(byHand.status).toBe(201);
    expect(byHand.body.departmentId).toBe(dept.id);

    const header = 'Fornavn;Etternavn;Mobil;Soner;Kategori;Avdeling';
    const bad = await client.post('/api/company/subscriptions/import', {
      csv: [header, 'Ola;Hansen;94100001;Kristiansand;Voksen;Ukjent'].join('\n'),
      dryRun: true,
    });
    expect(bad.body.rows[0].errors).toMatchObject([{ field: 'department', code: 'DEPARTMENT_UNKNOWN' }]);
    const imported = await client.post('/api/company/subscriptions/import', {
      csv: [
        header,
        'Ola;Hansen;94100001;Kristiansand;Voksen;drift',
        'Per;Berg;94100002;Kristiansand;Voksen;4100',
        'Liv;Lie;94100003;Kristiansand;Voksen;',
      ].join('\n'),
    });
    expect(imported.status).toBe(201);
    expect(imported.body.items.map((s: { departmentId: string | null }) => s.departmentId)).toEqual([
      drift.id,
      dept.id,
      null,
    ]);

    const page = await new TestClient(app().server).get(`/api/order/${company.orderToken}`);
    expect(page.body.departments).toEqual([
      { id: drift.id, name: 'Drift' },
      { id: dept.id, name: 'Salg' },
    ]);
    const employee = await employeeClient(app(), company.orderToken);
    const ordered = await employee.client.post('/api/me/subscriptions', order({ departmentId: drift.id }));
    expect(ordered.status).toBe(201);
    expect(ordered.body.departmentId).toBe(drift.id);
    const [row] = await app()
      .ctx.db.select()
      .from(subscriptions)
      .where(eq(subscriptions.id, ordered.body.id as string));
    expect(row!.departmentId).toBe(drift.id);
    const wrong = await (await employeeClient(app(), company.orderToken)).client.post(
      '/api/me/subscriptions',
      order({ departmentId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('DEPARTMENT_UNKNOWN');
  });

  it('issue 16 item 2: a bulk move to a department previews, moves each row with its own audit entry, and leaves rows already there unchanged', async () => {
    const { client, company } = await createCompany(app());
    const dept = (await client.post('/api/company/departments', salg)).body as Department;
    const subs = await Promise.all(
      ['Anne', 'Berit'].map((firstName) =>
        createSubscription(app(), { companyId: company.id, startDate: '2027-02-01', firstName }),
      ),
    );
    const already = await createSubscription(app(), {
      companyId: company.id,
      startDate: '2027-02-01',
      firstName: 'Cecilie',
      departmentId: dept.id,
    });
    const ids = [...subs.map((s) => s.id), already.id];
    const dry = await client.post('/api/company/subscriptions/bulk', {
      action: 'move_department',
      departmentId: dept.id,
      ids,
      dryRun: true,
    });
    expect(dry.body.summary).toMatchObject({ wouldDo: 2, unchanged: 1 });
    const r = await client.post('/api/company/subscriptions/bulk', {
      action: 'move_department',
      departmentId: dept.id,
      ids,
    });
    expect(r.body.summary).toMatchObject({ done: 2, unchanged: 1, failed: 0 });
    const rows = await app()
      .ctx.db.select()
      .from(subscriptions)
      .where(eq(subscriptions.companyId, company.id));
    expect(rows.every((s) => s.departmentId === dept.id)).toBe(true);
    const entries = (await client.get('/api/company/audit?action=subscription.department_changed')).body
      .items as Entry[];
    expect(entries).toHaveLength(2);
    expect(entries.map((e) => e.sentence)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/ flyttet Anne Nordmann til en annen avdeling: ingen → Salg$/),
      ]),
    );
    const unknown = await client.post('/api/company/subscriptions/bulk', {
      action: 'move_department',
      departmentId: 'nope',
      ids: [subs[0]!.id],
    });
    expect(unknown.body.results[0]).toMatchObject({ outcome: 'failed', code: 'DEPARTMENT_UNKNOWN' });
    // Back to no department.
    const none = await client.post('/api/company/subscriptions/bulk', {
      action: 'move_department',
      departmentId: null,
      ids: [subs[0]!.id],
    });
    expect(none.body.summary.done).toBe(1);
  });

  it('the subscription list (paged and sorted by department), its CSV export and the payroll basis filter by department, or by none; a bad department is 400 naming the field', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { client, company } = await createCompany(app());
    const dept = (await client.post('/api/company/departments', salg)).body as Department;
    const drift = (await client.post('/api/company/departments', { name: 'Drift', costCentre: '4200' }))
      .body as Department;
    const add = (lastName: string, departmentId: string | null) =>
      createSubscription(app(), { companyId: company.id, startDate: '2027-01-01', lastName, departmentId });
    await add('Aas', dept.id);
    await add('Berg', drift.id);
    await add('Dahl', dept.id);
    await add('Eik', null);
    const names = (r: { body: { items: { lastName: string }[] } }) => r.body.items.map((i) => i.lastName);

    expect(names(await client.get(`/api/company/subscriptions?department=${dept.id}`))).toEqual([
      'Aas',
      'Dahl',
    ]);
    expect(names(await client.get('/api/company/subscriptions?department=none'))).toEqual(['Eik']);
    const first = await client.get('/api/company/subscriptions?sort=department&limit=2');
    expect(names(first)).toEqual(['Eik', 'Berg']);
    const second = await client.get(
      `/api/company/subscriptions?sort=department&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(names(second)).toEqual(['Aas', 'Dahl']);
    expect(second.body.nextCursor).toBeNull();

    const csv = (await client.get(`/api/company/subscriptions/export?format=csv&department=${drift.id}`))
      .text;
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toContain('Avdeling');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('Berg');
    expect(rows[1]).toContain('Drift');

    const basis = await client.get(`/api/company/payroll?month=2027-01&department=${dept.id}`);
    expect(basis.status).toBe(200);
    expect(basis.body.rows.map((r: { lastName: string }) => r.lastName)).toEqual(['Aas', 'Dahl']);
    const none = await client.get('/api/company/payroll?month=2027-01&department=none&format=csv');
    expect(none.status).toBe(200);
    expect(none.text).toContain('Eik');
    expect(none.text).not.toContain('Aas');

    for (const url of [
      '/api/company/subscriptions?department=ikke-en-id',
      '/api/company/payroll?month=2027-01&department=ikke-en-id',
    ]) {
      const bad = await client.get(url, { 'accept-language': 'en' });
      expect(bad.status, url).toBe(400);
      expect(bad.body.error.details[0].path).toBe('querystring.department');
    }
  });

  it('issue 16 item 4: a payroll admin reads departments but changes none', async () => {
    const { client, company } = await createCompany(app());
    const dept = (await client.post('/api/company/departments', salg)).body as Department;
    const email = `lonn-${Math.random().toString(36).slice(2, 8)}@bedrift.example`;
    await client.post('/api/company/admins', { name: 'Lønn', email, role: 'payroll' });
    const { hashPassword } = await import('../../src/adapters/passwords');
    await app()
      .ctx.db.update(users)
      .set({ passwordHash: await hashPassword(ADMIN_PASSWORD) })
      .where(eq(users.email, email));
    const payroll = new TestClient(app().server);
    await payroll.login(email, ADMIN_PASSWORD);
    expect((await payroll.get('/api/company/departments')).body.items).toHaveLength(1);
    expect((await payroll.post('/api/company/departments', { name: 'Ny', costCentre: '9' })).status).toBe(
      403,
    );
    expect((await payroll.patch(`/api/company/departments/${dept.id}`, { name: 'Ny' })).status).toBe(403);
    expect((await payroll.delete(`/api/company/departments/${dept.id}`)).status).toBe(403);
    expect(company.id).toBeTruthy();
  });
});
