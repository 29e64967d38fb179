import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription } from '../support/factories';

const HEADER = 'Fornavn;Etternavn;Mobil;Soner;Kategori;Startdato';

describeEachEngine('company bulk import from CSV/XLSX (issue 3, step 5)', (app) => {
  it('a dry run previews every row with its errors and imports nothing', async () => {
    const { client, company } = await createCompany(app());
    await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01', phone: '+4794000003' });
    const csv = [
      HEADER,
      'Kari;Nordmann;940 00 001;Kristiansand, Vennesla;Voksen;',
      'Ola;Nordmann;12345;Kristiansand;Voksen;',
      'Per;"Hansen jr.";94000002;Atlantis;voksen;01.03.2027',
      'Liv;Lie;94000003;kristiansand;Honnør;2027-01-01',
      'Kai;Ku;94000001;Arendal;Voksen;',
    ].join('\r\n');
    const r = await client.post('/api/company/subscriptions/import', { csv, dryRun: true });
    expect(r.status).toBe(200);
    expect(r.body.valid).toBe(false);
    expect(r.body.total).toBe(5);
    const errors = r.body.rows.map((row: { line: number; errors: { field: string; code: string }[] }) => [
      row.line,
      row.errors.map((e) => `${e.field}:${e.code}`),
    ]);
    expect(errors).toEqual([
      [2, []],
      [3, ['phone:PHONE_INVALID']],
      [4, ['zones:ZONE_UNKNOWN']],
      [5, ['startDate:START_DATE_INVALID']],
      [6, ['phone:IMPORT_ROW_REPEATED']], // the same person as line 2, not an existing subscription
    ]);
    expect(r.body.rows[4].errors[0].message).toBe(
      'Mobilnummeret står også på rad 2 i filen. Hver ansatt kan stå på én rad.',
    );
    // Issue 16 item 8: a refused date is shown as the row wrote it, not as the default.
    expect(r.body.rows[3]).toMatchObject({ startDate: '2027-01-01' });
    expect(r.body.rows[0]).toMatchObject({
      phone: '+4794000001',
      zoneIds: ['kristiansand', 'vennesla'],
      categoryId: 'voksen',
      startDate: '2027-02-01',
    });
    expect(r.body.rows[2]).toMatchObject({ lastName: 'Hansen jr.', startDate: '2027-03-01' });
    expect(r.body.rows[1].errors[0].message).toMatch(/mobilnummer/);
    expect((await client.get('/api/company/subscriptions')).body.items).toHaveLength(1);
    expect((await client.get('/api/dev/outbox?to=%2B4794000001')).body.messages).toHaveLength(0);
  });

  it('issue 16 item 8: each row keeps its own date, a repeat inside the file is told from an existing subscription', async () => {
    const { client, company } = await createCompany(app());
    await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01', phone: '+4794000013' });
    const csv = [
      HEADER,
      'Kari;Nordmann;94000011;Kristiansand;Voksen;2026-06-01',
      'Ola;Hansen;94000012;Kristiansand;Voksen;1.4.2027',
      'Liv;Lie;94000013;Kristiansand;Voksen;',
      'Ola;Hansen;940 00 012;Kristiansand;Voksen;',
    ].join('\n');
    const r = await client.post('/api/company/subscriptions/import', { csv, dryRun: true });
    const rows = r.body.rows as { startDate: string; errors: { code: string; message: string }[] }[];
    expect(rows.map((row) => row.startDate)).toEqual([
      '2026-06-01',
      '2027-04-01',
      '2027-02-01',
      '2027-02-01',
    ]);
    expect(rows.map((row) => row.errors.map((e) => e.code))).toEqual([
      ['START_DATE_INVALID'],
      [],
      [],
      ['IMPORT_ROW_REPEATED'],
    ]);
    // Line 4's employee already has this subscription: the row says so, and changes nothing.
    expect(rows[2]).toMatchObject({ action: 'unchanged', changes: [] });
    expect(rows[1]).toMatchObject({ action: 'create' });
    expect(rows[3]!.errors[0]!.message).toMatch(/rad 3 i filen/);
  });

  it('issue 16 item 2: the import also updates and ends — a row for a current subscription changes its zones and category from next month, an end-date column ends it on that date', async () => {
    const { client, company } = await createCompany(app());
    const zones = await createSubscription(app(), {
      companyId: company.id,
      startDate: '2027-01-01',
      phone: '+4794000031',
    });
    const ends = await createSubscription(app(), {
      companyId: company.id,
      startDate: '2027-01-01',
      phone: '+4794000032',
    });
    const category = await createSubscription(app(), {
      companyId: company.id,
      startDate: '2027-01-01',
      phone: '+4794000033',
    });
    await createSubscription(app(), { companyId: company.id, startDate: '2027-02-01', phone: '+4794000036' });
    const outbox = async (to: string) =>
      (await client.get(`/api/dev/outbox?to=${encodeURIComponent(to)}`)).body.messages as { body: string }[];
    const before = (await outbox('+4794000032')).length;
    const csv = [
      `${HEADER};Sluttdato`,
      'Kari;Nordmann;94000031;Kristiansand, Vennesla;Voksen;;',
      'Kari;Nordmann;94000032;Kristiansand;Voksen;;31.03.2027',
      'Kari;Nordmann;94000033;Kristiansand;Honnør;;',
      'Nina;Ny;94000034;Kristiansand;Voksen;;2027-06-30',
      'Kari;Nordmann;94000035;Kristiansand;Voksen;;2027-01-10',
      'Kari;Nordmann;94000036;Kristiansand;Voksen;;2027-01-20',
    ].join('\n');
    const dry = await client.post('/api/company/subscriptions/import', { csv, dryRun: true });
    expect(dry.status).toBe(200);
    const summary = (
      dry.body.rows as { action: string; changes: string[]; errors: { field: string }[] }[]
    ).map((r) => [r.action, r.changes, r.errors.map((e) => e.field)]);
    expect(summary).toEqual([
      ['update', ['zones'], []],
      ['update', ['endDate'], []],
      ['update', ['category'], []],
      ['create', ['endDate'], []],
      ['create', ['endDate'], ['endDate']], // an end before the start is refused at its column
      ['update', [], ['endDate']], // so is one before the current subscription's start
    ]);
    expect(dry.body.rows[4].errors[0].code).toBe('END_DATE_INVALID');
    // The dry run wrote nothing: still four subscriptions, no messages to the employees.
    expect((await client.get('/api/company/subscriptions')).body.items).toHaveLength(4);
    expect(await outbox('+4794000032')).toHaveLength(before);

    const r = await client.post('/api/company/subscriptions/import', {
      csv: csv.split('\n').slice(0, 5).join('\n'),
    });
    expect(r.status).toBe(201);
    const items = (await client.get('/api/company/subscriptions')).body.items as {
      id: string;
      phone: string;
      endDate: string | null;
      categoryId: string;
      zoneSets?: unknown;
      replacesId?: string | null;
    }[];
    expect(items.find((i) => i.id === ends.id)?.endDate).toBe('2027-03-31');
    expect(items.find((i) => i.phone === '+4794000034')?.endDate).toBe('2027-06-30');
    // The category change ends the old subscription this month and starts one in Honnør on the 1st.
    expect(items.find((i) => i.id === category.id)?.endDate).toBe('2027-01-31');
    expect(items.some((i) => i.phone === '+4794000033' && i.categoryId === 'honnor')).toBe(true);
    const history = await client.get(`/api/company/subscriptions/${zones.id}`);
    expect(JSON.stringify(history.body)).toContain('vennesla');
    // Each employee is told, as by the portal's buttons.
    const endSms = await outbox('+4794000032');
    expect(endSms).toHaveLength(before + 1);
    expect(endSms.some((m) => m.body.includes('31. mars 2027'))).toBe(true);
    // The same file again changes nothing.
    const again = await client.post('/api/company/subscriptions/import', {
      csv: csv.split('\n').slice(0, 4).join('\n'),
      dryRun: true,
    });
    expect(again.body.rows.map((row: { action: string }) => row.action)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
  });

  it("issue 16 item 8: the company's own fields have their columns, and a field required of employees is required on every row", async () => {
    const { client } = await createCompany(app());
    await client.patch('/api/company/settings', {
      orderForm: {
        kind: 'custom',
        fields: [
          { key: 'ansattnr', label: 'Ansattnummer', type: 'number', required: true },
          { key: 'parkering', label: 'Parkering', type: 'checkbox', required: false },
        ],
      },
    });
    const header = `${HEADER};Ansattnummer;Parkering`;
    const missing = [
      header,
      'Kari;Nordmann;94000021;Kristiansand;Voksen;;;ja',
      'Ola;Berg;94000022;Kristiansand;Voksen;;00789;',
    ];
    const dry = await client.post('/api/company/subscriptions/import', {
      csv: missing.join('\n'),
      dryRun: true,
    });
    expect(dry.body.rows[0].errors).toEqual([
      expect.objectContaining({ field: 'Ansattnummer', message: '«Ansattnummer» må fylles ut.' }),
    ]);
    expect(dry.body.rows[1]).toMatchObject({ errors: [], fields: { ansattnr: '00789', parkering: false } });
    const ok = [header, 'Kari;Nordmann;94000021;Kristiansand;Voksen;;4711;ja'];
    const r = await client.post('/api/company/subscriptions/import', { csv: ok.join('\n') });
    expect(r.status).toBe(201);
    expect(r.body.items[0].fields).toEqual({ ansattnr: '4711', parkering: true });
  });

  it('committing a file with any error imports nothing (422 with the rows)', async () => {
    const { client } = await createCompany(app());
    const csv = [
      HEADER,
      'Kari;Nordmann;94100001;Kristiansand;Voksen;',
      'Ola;;94100002;Kristiansand;Voksen;',
    ].join('\n');
    const r = await client.post('/api/company/subscriptions/import', { csv });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('IMPORT_INVALID');
    expect(r.body.error.details.rows).toHaveLength(1);
    expect(r.body.error.details.rows[0].line).toBe(3);
    expect((await client.get('/api/company/subscriptions')).body.items).toHaveLength(0);
  });

  it('committing a clean XLSX file imports all rows at once, approved, each with its ticket SMS', async () => {
    const { client } = await createCompany(app());
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Ansatte');
    sheet.addRow(['First name', 'Last name', 'Phone', 'Zones', 'Category', 'Start date']);
    sheet.addRow(['Eva', 'Ek', 94200001, 'Arendal|Grimstad', 'Adult', new Date(Date.UTC(2027, 2, 1))]);
    sheet.addRow(['Tor', 'Tå', '942 00 002', 'kristiansand', 'ung-voksen', null]);
    const xlsxBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const preview = await client.post('/api/company/subscriptions/import', { xlsxBase64, dryRun: true });
    expect(preview.body.valid).toBe(true);
    const r = await client.post('/api/company/subscriptions/import', { xlsxBase64 });
    expect(r.status).toBe(201);
    expect(r.body.items.map((s: { startDate: string; status: string }) => [s.startDate, s.status])).toEqual([
      ['2027-03-01', 'approved'],
      ['2027-02-01', 'approved'],
    ]);
    expect(r.body.items[0].zoneIds).toEqual(['arendal', 'grimstad']);
    // One ticket SMS, with (issue 15 (a)) the consent link: an import is no consent.
    const sent = (await client.get('/api/dev/outbox?to=%2B4794200001')).body.messages;
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toMatch(/\/samtykke\/[\w-]+/);
    expect((await client.get('/api/company/subscriptions')).body.items).toHaveLength(2);
  });

  it('a file without the needed columns, an empty file or an unreadable workbook is a clear 4xx', async () => {
    const { client } = await createCompany(app());
    const missing = await client.post('/api/company/subscriptions/import', {
      csv: 'Navn;Telefon\nKari;94300001',
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details).toMatchObject({ reason: 'missing_columns' });
    const empty = await client.post('/api/company/subscriptions/import', { csv: '' });
    expect(empty.status).toBe(422);
    const garbage = await client.post('/api/company/subscriptions/import', { xlsxBase64: 'bm90IGEgemlw' });
    expect(garbage.status).toBe(422);
    // No file, or two: a 400 naming the file field, in the caller's language.
    const neither = await client.post('/api/company/subscriptions/import', { dryRun: true });
    expect(neither.status).toBe(400);
    expect(neither.body.error.details).toMatchObject([{ path: 'body.csvBase64', problem: 'one_file' }]);
    expect(neither.body.error.message).toMatch(/legg ved nøyaktig én fil/);
    const both = await client.post('/api/company/subscriptions/import', { csv: 'a', csvBase64: 'YQ==' });
    expect([both.status, both.body.error.details[0].path]).toEqual([400, 'body.csvBase64']);
  });
});
