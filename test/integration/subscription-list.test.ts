import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeEach, expect, it } from 'vitest';
import { companies, subscriptions } from '../../src/db/schema';
import type { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription } from '../support/factories';

type Item = { id: string; firstName: string; lastName: string; status: string; endDate: string | null };

/** Follows nextCursor from the first page to the last; returns the ids in order and the page count. */
async function walk(client: TestClient, query: string, limit: number) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const url: string = `/api/company/subscriptions?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const r = await client.get(url);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.items.length).toBeLessThanOrEqual(limit);
    ids.push(...r.body.items.map((s: Item) => s.id));
    cursor = r.body.nextCursor;
    pages++;
  } while (cursor !== null && pages < 50);
  return { ids, pages };
}

describeEachEngine('subscription list at scale (issue 16, item 6)', (app) => {
  beforeEach(() => app().setNow('2027-01-15T10:00:00+01:00'));

  async function company() {
    const c = await createCompany(app());
    await app()
      .ctx.db.update(companies)
      .set({
        orderForm: {
          kind: 'custom',
          fields: [{ key: 'ansattnummer', label: 'Ansattnummer', type: 'text', required: true }],
        } as never,
      })
      .where(eq(companies.id, c.company.id));
    const id = c.company.id;
    const add = (o: Parameters<typeof createSubscription>[1]) => createSubscription(app(), o);
    const subs = {
      aas: await add({
        companyId: id,
        firstName: 'Anne',
        lastName: 'Aas',
        startDate: '2027-01-01',
        fields: { ansattnummer: 'A-100' },
      }),
      berg: await add({
        companyId: id,
        firstName: 'Bjørn',
        lastName: 'Berg',
        startDate: '2027-02-01',
        phone: '+4791112233',
        zoneIds: ['vennesla'],
      }),
      dahl: await add({
        companyId: id,
        firstName: 'Dina',
        lastName: 'Dahl',
        startDate: '2026-11-01',
        endDate: '2027-01-10',
      }),
      eik: await add({
        companyId: id,
        firstName: 'Erik',
        lastName: 'Eik',
        startDate: '2027-02-01',
        state: 'pending',
        categoryId: 'honnor',
      }),
      foss: await add({
        companyId: id,
        firstName: 'Frida',
        lastName: 'Foss',
        startDate: '2027-01-01',
        endDate: '2027-03-31',
        zoneIds: ['kristiansand', 'vennesla'],
      }),
      aasB: await add({ companyId: id, firstName: 'Aksel', lastName: 'Aas', startDate: '2026-12-01' }),
    };
    return { ...c, subs };
  }

  it('contract: limit + cursor pages by name; nextCursor null on the last page; without limit the old shape', async () => {
    const { client, subs } = await company();
    const other = await createCompany(app());
    await createSubscription(app(), {
      companyId: other.company.id,
      firstName: 'Aase',
      lastName: 'Aa',
      startDate: '2027-01-01',
    });
    const first = await client.get('/api/company/subscriptions?limit=2&sort=name');
    expect(first.status).toBe(200);
    expect(first.body.items.map((s: Item) => s.id)).toEqual([subs.aasB.id, subs.aas.id]);
    expect(typeof first.body.nextCursor).toBe('string');
    const { ids, pages } = await walk(client, 'sort=name', 2);
    expect(pages).toBe(3);
    expect(ids).toEqual([subs.aasB.id, subs.aas.id, subs.berg.id, subs.dahl.id, subs.eik.id, subs.foss.id]);
    const all = await client.get('/api/company/subscriptions');
    expect(Object.keys(all.body)).toEqual(['items']);
    expect(all.body.items.map((s: Item) => s.id)).toEqual(ids);
    const last = await client.get('/api/company/subscriptions?limit=50');
    expect(last.body.nextCursor).toBeNull();
    expect(last.body.items).toHaveLength(6);
  });

  it('a forged cursor (control characters, lone surrogates, wrong shape) is a 400, never a 500', async () => {
    const { client } = await company();
    const forge = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
    const id = '00000000-0000-0000-0000-000000000000';
    for (const cursor of [
      forge(['name', 'asc', ['x\u0000', 'y'], id]),
      forge(['name', 'asc', ['\ud800', 'y'], id]),
      forge(['name', 'asc', ['x', 'y'], 'not-an-id']),
      'garbage',
    ]) {
      const r = await client.get(
        `/api/company/subscriptions?limit=2&sort=name&cursor=${encodeURIComponent(cursor)}`,
      );
      expect(r.status, cursor).toBe(400);
    }
  });

  it('every sort and direction pages through the same rows as one unpaged list, none twice', async () => {
    const { client } = await company();
    for (const sort of ['name', 'status', 'start', 'end']) {
      for (const dir of ['asc', 'desc']) {
        const all = await client.get(`/api/company/subscriptions?sort=${sort}&dir=${dir}`);
        const expected = all.body.items.map((s: Item) => s.id);
        for (const limit of [1, 4]) {
          const { ids } = await walk(client, `sort=${sort}&dir=${dir}`, limit);
          expect(ids, `${sort} ${dir} ${limit}`).toEqual(expected);
        }
      }
    }
    const byEnd = await client.get('/api/company/subscriptions?sort=end');
    expect(byEnd.body.items.map((s: Item) => s.endDate).slice(0, 2)).toEqual(['2027-01-10', '2027-03-31']);
    const byStatus = await client.get('/api/company/subscriptions?sort=status');
    expect(byStatus.body.items.map((s: Item) => s.status)).toEqual([
      'pending',
      'approved',
      'active',
      'active',
      'active',
      'ended',
    ]);
  });

  it('filters: status (derived from the dates), zone, category, planned end, ends by, free text in name, phone and form fields', async () => {
    const { client, subs } = await company();
    const ids = async (query: string) =>
      (await client.get(`/api/company/subscriptions?${query}`)).body.items.map((s: Item) => s.id);
    expect(await ids('status=active')).toEqual([subs.aasB.id, subs.aas.id, subs.foss.id]);
    expect(await ids('status=ended')).toEqual([subs.dahl.id]);
    expect(await ids('status=approved')).toEqual([subs.berg.id]);
    expect(await ids('zoneId=vennesla')).toEqual([subs.berg.id, subs.foss.id]);
    expect(await ids('categoryId=honnor')).toEqual([subs.eik.id]);
    expect(await ids('plannedEnd=yes')).toEqual([subs.foss.id]);
    expect(await ids('endsBy=2027-02-28')).toEqual([subs.dahl.id]);
    expect(await ids('q=aas')).toEqual([subs.aasB.id, subs.aas.id]);
    expect(await ids(`q=${encodeURIComponent('bjørn berg')}`)).toEqual([subs.berg.id]);
    expect(await ids('q=911 12')).toEqual([subs.berg.id]);
    expect(await ids('q=A-100')).toEqual([subs.aas.id]);
    expect(await ids('q=%25')).toEqual([]);
    expect(await ids('status=active&zoneId=vennesla')).toEqual([subs.foss.id]);
    const paged = await client.get('/api/company/subscriptions?status=active&limit=2');
    expect(paged.body.items).toHaveLength(2);
    const next = await client.get(
      `/api/company/subscriptions?status=active&limit=2&cursor=${encodeURIComponent(paged.body.nextCursor)}`,
    );
    expect(next.body.items.map((s: Item) => s.id)).toEqual([subs.foss.id]);
    expect(next.body.nextCursor).toBeNull();
  });

  it('a cursor that is edited or from another sort, or a bad limit, is a 400 naming it', async () => {
    const { client } = await company();
    const first = await client.get('/api/company/subscriptions?limit=2&sort=name');
    const cases = [
      `limit=2&sort=start&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      'limit=2&cursor=not-a-cursor',
      `limit=2&cursor=${Buffer.from('["name","asc",[1],"x"]').toString('base64url')}`,
      'limit=0',
      'limit=100000',
      'sort=salary',
      'endsBy=2027-02-30',
    ];
    for (const query of cases) {
      const r = await client.get(`/api/company/subscriptions?${query}`);
      expect(r.status, query).toBe(400);
      expect(JSON.stringify(r.body.error.details), query).toMatch(/cursor|limit|sort|endsBy/);
    }
  });

  it('export: CSV and XLSX of the current filter and sort, names not ids, form fields as columns, formulas neutralised', async () => {
    const { client, company: c } = await company();
    // Names are refused formulas at the text boundary (issue 14); a row stored before it still is
    // exported safely, so the formula is written straight into the table here.
    const formula = await createSubscription(app(), {
      companyId: c.id,
      firstName: 'Formel',
      lastName: 'Ørn',
      startDate: '2027-01-01',
    });
    await app()
      .ctx.db.update(subscriptions)
      .set({ firstName: '=HYPERLINK("x")' })
      .where(eq(subscriptions.id, formula.id));
    const csv = await client.get('/api/company/subscriptions/export?format=csv&zoneId=vennesla');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="abonnementer-2027-01-15\.csv"/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Etternavn;Fornavn;Mobil;Status;Reisendekategori;Soner;Start;Slutt;Ansattnummer');
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(['Berg', 'Foss']);
    expect(lines[2]).toContain('Kristiansand, Vennesla');
    expect(lines[2]).toContain('Aktiv');
    const all = await client.get('/api/company/subscriptions/export?format=csv&sort=name&dir=desc');
    const rows = all.text.trim().split('\r\n');
    expect(rows[1]).toMatch(/^Ørn;"'=HYPERLINK/);
    expect(rows).toHaveLength(8);
    const cookie = [...client.cookieJar].map(([k, v]) => `${k}=${v}`).join('; ');
    const xlsx = await app().server.inject({
      url: '/api/company/subscriptions/export?format=xlsx&status=active',
      headers: { cookie, 'accept-language': 'en' },
    });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as never);
    const ws = book.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1, 3)).toEqual(['Last name', 'First name']);
    expect(ws.rowCount).toBe(5);
    expect(ws.getRow(2).getCell(4).value).toBe('Active');
  });

  it('issue 14 item 5: the export types cells by meaning — dates as dates, a number field as its number shown as typed, phones as text; -12 stays a number in the CSV', async () => {
    const c = await createCompany(app());
    await app()
      .ctx.db.update(companies)
      .set({
        orderForm: {
          kind: 'custom',
          fields: [
            { key: 'belop', label: 'Beløp', type: 'number', required: false },
            { key: 'ansattnummer', label: 'Ansattnummer', type: 'text', required: false },
          ],
        } as never,
      })
      .where(eq(companies.id, c.company.id));
    await createSubscription(app(), {
      companyId: c.company.id,
      firstName: 'Nora',
      lastName: 'Nul',
      phone: '+4791112234',
      startDate: '2027-01-01',
      endDate: '2027-03-31',
      fields: { belop: '00789', ansattnummer: '007' },
    });
    await createSubscription(app(), {
      companyId: c.company.id,
      firstName: 'Mina',
      lastName: 'Minus',
      startDate: '2027-01-01',
      fields: { belop: '-12' },
    });
    const cookie = [...c.client.cookieJar].map(([k, v]) => `${k}=${v}`).join('; ');
    const xlsx = await app().server.inject({
      url: '/api/company/subscriptions/export?format=xlsx&sort=name',
      headers: { cookie },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as never);
    const ws = book.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const nora = ws.getRow(3);
    expect(nora.getCell(col('Start')).value).toBeInstanceOf(Date);
    expect((nora.getCell(col('Slutt')).value as Date).toISOString().slice(0, 10)).toBe('2027-03-31');
    expect(nora.getCell(col('Beløp')).value).toBe(789);
    expect(nora.getCell(col('Beløp')).numFmt).toBe('00000');
    expect(nora.getCell(col('Ansattnummer')).value).toBe('007');
    expect(nora.getCell(col('Mobil')).value).toBe('+4791112234');
    expect(ws.getRow(2).getCell(col('Beløp')).value).toBe(-12);

    const csv = await c.client.get('/api/company/subscriptions/export?format=csv&sort=name');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[1]!.split(';').at(-2)).toBe('-12');
    expect(lines[2]).toContain('+4791112234');
  });
});
