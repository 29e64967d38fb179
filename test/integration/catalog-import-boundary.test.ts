import { expect, it } from 'vitest';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { OPERATOR, type TestApp } from '../support/test-app';

/**
 * Issue 14 for the operator's catalog import: every cell through the one text boundary (as the
 * API's own zone and category fields), a dry run that previews, a strict body, and GTFS-Fares v2
 * fidelity (composite key, optional area_name, is_default_fare_category, data files unguarded).
 */

async function operator(app: TestApp) {
  const client = new TestClient(app.server);
  await client.login(OPERATOR.email, OPERATOR.password);
  return client;
}

const HEADER = 'fare_product_id,fare_product_name,rider_category_id,amount,currency,zone_count,valid_from';
const areas = 'area_id,area_name\nkristiansand,Kristiansand\narendal,Arendal\n';
const riders = 'rider_category_id,rider_category_name\nvoksen,Voksen\n';
const products = (rows: string[] = []) =>
  [
    HEADER,
    'p1,Bedrift 1,voksen,800,NOK,1,2027-02-01',
    'p2,Bedrift 2,voksen,1100,NOK,2,2027-02-01',
    'p3,Bedrift 3,voksen,1400,NOK,3,2027-02-01',
    ...rows,
  ].join('\n');
const files = (over: Record<string, string> = {}) => ({
  'areas.txt': areas,
  'rider_categories.txt': riders,
  'fare_products.txt': products(),
  ...over,
});

describeEachEngine('catalog import: every cell through the text boundary (issue 14, item 1)', (app) => {
  it('names with bidi controls, line breaks or only invisible characters, and such ids, are row errors; nothing is imported', async () => {
    const client = await operator(app());
    const before = (await client.get('/api/catalog')).body;
    const r = await client.post('/api/operator/catalog/import', {
      files: files({
        'areas.txt': [
          'area_id,area_name',
          'kristiansand,Kristian\u202Esand',
          'arendal,"Arendal\nnord"',
          'grimstad,\u200B\u200D',
          'lillesand\u202E,Lillesand',
          '\u2060,Usynlig',
        ].join('\n'),
        'rider_categories.txt': 'rider_category_id,rider_category_name\nvoksen,\u00AD\n',
      }),
    });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('IMPORT_INVALID');
    expect(r.body.error.details.errors).toEqual(
      expect.arrayContaining([
        { file: 'areas.txt', row: 2, column: 'area_name', problem: 'bidi_control' },
        { file: 'areas.txt', row: 3, column: 'area_name', problem: 'line_break' },
        { file: 'areas.txt', row: 5, column: 'area_name', problem: 'invisible_only' },
        { file: 'areas.txt', row: 6, column: 'area_id', problem: 'bidi_control' },
        { file: 'areas.txt', row: 7, column: 'area_id', problem: 'invisible_only' },
        { file: 'rider_categories.txt', row: 2, column: 'rider_category_name', problem: 'invisible_only' },
      ]),
    );
    expect((await client.get('/api/catalog')).body).toEqual(before);
  });

  it('U+FFFD or a control character anywhere refuses the file (400 naming it); nothing is imported', async () => {
    const client = await operator(app());
    const before = (await client.get('/api/catalog')).body;
    for (const bad of ['Trine \uFFFDdeg\uFFFDrd', 'A\u0000B', 'A\u0085B']) {
      const r = await client.post('/api/operator/catalog/import', {
        files: files({ 'areas.txt': `area_id,area_name\nkristiansand,${bad}\n` }),
      });
      expect(r.status).toBe(400);
      expect(r.body.error.details).toMatchObject({ file: 'areas.txt', field: 'files.areas.txt' });
    }
    expect((await client.get('/api/catalog')).body).toEqual(before);
  });

  it('an id longer than the API allows (64) and a name longer than 100 are too_long', async () => {
    const client = await operator(app());
    const r = await client.post('/api/operator/catalog/import', {
      files: files({
        'areas.txt': `area_id,area_name\n${'a'.repeat(65)},A\nb,${'B'.repeat(101)}\n`,
      }),
    });
    expect(r.status).toBe(422);
    expect(r.body.error.details.errors).toEqual([
      { file: 'areas.txt', row: 2, column: 'area_id', problem: 'too_long' },
      { file: 'areas.txt', row: 3, column: 'area_name', problem: 'too_long' },
    ]);
  });

  it('names are stored as the API stores them: NFC, trimmed, inner whitespace collapsed', async () => {
    const client = await operator(app());
    const r = await client.post('/api/operator/catalog/import', {
      files: files({ 'areas.txt': 'area_id,area_name\nkristiansand,"  A\u030Amli \u00A0 sentrum "\n' }),
    });
    expect(r.status).toBe(200);
    const zones = (await client.get('/api/catalog')).body.zones;
    expect(zones).toContainEqual({ id: 'kristiansand', name: '\u00C5mli sentrum', active: true });
  });

  it('valid_from only in the years 2000–2099 (year_out_of_range), like every date of the API', async () => {
    const client = await operator(app());
    const r = await client.post('/api/operator/catalog/import', {
      files: files({
        'fare_products.txt': products([
          'p4,Gammel,voksen,800,NOK,1,1999-02-01',
          'p5,Fjern,voksen,800,NOK,1,21000201',
          'p6,Langt fram,voksen,800,NOK,1,2100-01-01',
        ]),
      }),
    });
    expect(r.status).toBe(422);
    expect(r.body.error.details.errors).toEqual([
      {
        file: 'fare_products.txt',
        row: 5,
        column: 'valid_from',
        problem: 'year_out_of_range',
        value: '1999-02-01',
      },
      {
        file: 'fare_products.txt',
        row: 6,
        column: 'valid_from',
        problem: 'year_out_of_range',
        value: '21000201',
      },
      {
        file: 'fare_products.txt',
        row: 7,
        column: 'valid_from',
        problem: 'year_out_of_range',
        value: '2100-01-01',
      },
    ]);
  });
});

describeEachEngine('catalog import: dry run previews, body is strict (issue 14, items 1 and 4)', (app) => {
  it('dryRun writes nothing and says the encoding, what is added, changed and deactivated', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const client = await operator(app());
    const before = (await client.get('/api/catalog')).body;
    // As Norwegian Excel saves it: semicolons, Windows-1252.
    const windows1252 = Buffer.from(
      'area_id;area_name\r\nkristiansand;Kristiansand sentrum\r\nbykle;Bykle\r\nrisor;Risør\r\nsørlandet;Sørlandet\r\n',
      'latin1',
    );
    const r = await client.post('/api/operator/catalog/import', {
      dryRun: true,
      filesBase64: {
        'areas.txt': windows1252.toString('base64'),
        'rider_categories.txt': Buffer.from(riders).toString('base64'),
        'fare_products.txt': Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from(products(), 'utf16le'),
        ]).toString('base64'),
      },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ dryRun: true, errors: [] });
    expect(r.body.encodings).toEqual({
      'areas.txt': 'Windows-1252',
      'rider_categories.txt': 'UTF-8',
      'fare_products.txt': 'UTF-16LE',
    });
    const activeZones = before.zones
      .filter((z: { active: boolean }) => z.active)
      .map((z: { id: string }) => z.id);
    expect(r.body.changes.zones.added).toEqual(['sørlandet']);
    expect(r.body.changes.zones.changed).toEqual(['kristiansand']);
    expect(r.body.changes.zones.deactivated).toEqual(
      activeZones.filter((id: string) => !['kristiansand', 'bykle', 'risor'].includes(id)),
    );
    expect(r.body.changes.categories.deactivated).toEqual(
      before.categories.map((c: { id: string }) => c.id).filter((id: string) => id !== 'voksen'),
    );
    // The example catalog prices voksen from 2027-02-01 at other amounts; the rest goes (it is the example).
    expect(r.body.changes.prices).toEqual({ added: 0, changed: 3, removed: before.prices.length - 3 });
    expect((await client.get('/api/catalog')).body).toEqual(before);
  });

  it('a dry run with row errors answers 200 with the errors (file, row, column) and writes nothing', async () => {
    const client = await operator(app());
    const before = (await client.get('/api/catalog')).body;
    const r = await client.post('/api/operator/catalog/import', {
      dryRun: true,
      files: files({ 'areas.txt': 'area_id,area_name\nkristiansand,Kristian\u202Esand\n' }),
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ dryRun: true, changes: null, encodings: { 'areas.txt': 'UTF-8' } });
    expect(r.body.errors).toEqual([
      { file: 'areas.txt', row: 2, column: 'area_name', problem: 'bidi_control' },
    ]);
    expect((await client.get('/api/catalog')).body).toEqual(before);
  });

  it('the import commits what the dry run previewed', async () => {
    const client = await operator(app());
    const preview = await client.post('/api/operator/catalog/import', { dryRun: true, files: files() });
    const done = await client.post('/api/operator/catalog/import', { files: files() });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ dryRun: false, changes: preview.body.changes });
    const catalog = (await client.get('/api/catalog')).body;
    for (const id of preview.body.changes.zones.deactivated)
      expect(catalog.zones.find((z: { id: string }) => z.id === id).active).toBe(false);
  });

  it('an unknown key in the body (or in files) is a 400 naming it, in both languages', async () => {
    const client = await operator(app());
    const before = (await client.get('/api/catalog')).body;
    const r = await client.post('/api/operator/catalog/import', { files: files(), dryrun: true });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.message).toContain('dryrun');
    expect(JSON.stringify(r.body.error.details)).toContain('unknown_keys');
    const inFiles = await client.post(
      '/api/operator/catalog/import',
      { files: { ...files(), 'stops.txt': 'x' } },
      { 'accept-language': 'en' },
    );
    expect(inFiles.status).toBe(400);
    expect(inFiles.body.error.message).toMatch(/unknown fields: stops\.txt/);
    expect((await client.get('/api/catalog')).body).toEqual(before);
  });
});

describeEachEngine('catalog import: GTFS-Fares v2 fidelity (issue 14, item 9)', (app) => {
  it('b1,voksen,app and b1,voksen,paper at one price are one price; different prices are a conflict at amount', async () => {
    const client = await operator(app());
    const media = (rows: string[]) => [`${HEADER},fare_media_id`, ...rows].join('\n');
    const ok = await client.post('/api/operator/catalog/import', {
      files: files({
        'fare_products.txt': media([
          'b1,Bedrift 1,voksen,800,NOK,1,2027-02-01,app',
          'b1,Bedrift 1,voksen,800,NOK,1,2027-02-01,paper',
          'b2,Bedrift 2,voksen,1100,NOK,2,2027-02-01,app',
          'b3,Bedrift 3,voksen,1400,NOK,3,2027-02-01,app',
        ]),
      }),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.prices).toBe(3);
    const conflict = await client.post('/api/operator/catalog/import', {
      files: files({
        'fare_products.txt': media([
          'b1,Bedrift 1,voksen,800,NOK,1,2027-02-01,app',
          'b1,Bedrift 1,voksen,900,NOK,1,2027-02-01,paper',
          'b2,Bedrift 2,voksen,1100,NOK,2,2027-02-01,app',
          'b3,Bedrift 3,voksen,1400,NOK,3,2027-02-01,app',
        ]),
      }),
    });
    expect(conflict.status).toBe(422);
    expect(conflict.body.error.details.errors).toEqual([
      { file: 'fare_products.txt', row: 3, column: 'amount', problem: 'price_conflict', value: '900' },
    ]);
  });

  it("the export keeps the imported fare_product_id and fare_product_name (derived only for prices entered here, or when the kept id would repeat GTFS's key)", async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const client = await operator(app());
    const r = await client.post('/api/operator/catalog/import', {
      files: files({
        'fare_products.txt': [
          `${HEADER},fare_media_id`,
          '"bedrift, 1",Bedriftsbillett 1 sone,voksen,800,NOK,1,2027-02-01,app',
          '"bedrift, 1",Bedriftsbillett 1 sone,voksen,800,NOK,1,2027-02-01,paper',
          'b2,Bedriftsbillett 2 soner,voksen,1100,NOK,2,2027-02-01,app',
          'b2,Bedriftsbillett 3 soner,voksen,1400,NOK,3,2027-02-01,paper',
        ].join('\n'),
      }),
    });
    expect(r.status).toBe(200);
    const exported = (await client.get('/api/operator/catalog/export')).body;
    const lines = (exported['fare_products.txt'] as string).trim().split('\r\n');
    expect(lines.slice(1).sort()).toEqual([
      '"bedrift, 1",Bedriftsbillett 1 sone,voksen,800.00,NOK,1,2027-02-01',
      'b2,Bedriftsbillett 2 soner,voksen,1100.00,NOK,2,2027-02-01',
      // b2 for 3 zones was another fare medium in the file; without media the key would repeat.
      'voksen-3plus-2027-02-01,Voksen 3+ sone(r),voksen,1400.00,NOK,3,2027-02-01',
    ]);
    const again = await client.post('/api/operator/catalog/import', { files: exported });
    expect(again.status).toBe(200);
    expect((await client.get('/api/operator/catalog/export')).body).toEqual(exported);
  });

  it('area_name is optional (GTFS): without the column or the cell, the area_id is the name', async () => {
    const client = await operator(app());
    const noColumn = await client.post('/api/operator/catalog/import', {
      files: files({ 'areas.txt': 'area_id\nkristiansand\nSone 2\n' }),
    });
    expect(noColumn.status).toBe(200);
    let zones = (await client.get('/api/catalog')).body.zones;
    expect(zones).toContainEqual({ id: 'Sone 2', name: 'Sone 2', active: true });
    const noCell = await client.post('/api/operator/catalog/import', {
      files: files({ 'areas.txt': 'area_id,area_name\nkristiansand,\narendal,Arendal\n' }),
    });
    expect(noCell.status).toBe(200);
    zones = (await client.get('/api/catalog')).body.zones;
    expect(zones).toContainEqual({ id: 'kristiansand', name: 'kristiansand', active: true });
  });

  it('is_default_fare_category round-trips through our own export', async () => {
    const client = await operator(app());
    const r = await client.post('/api/operator/catalog/import', {
      files: files({
        'rider_categories.txt':
          'rider_category_id,rider_category_name,is_default_fare_category\nvoksen,Voksen,1\nbarn,Barn,0\n',
        'fare_products.txt': products([
          'b1,Barn 1,barn,400,NOK,1,2027-02-01',
          'b2,Barn 2,barn,500,NOK,2,2027-02-01',
          'b3,Barn 3,barn,600,NOK,3,2027-02-01',
        ]),
      }),
    });
    expect(r.status).toBe(200);
    const exported = (await client.get('/api/operator/catalog/export')).body;
    const lines = (exported['rider_categories.txt'] as string).trim().split('\r\n');
    expect(lines[0]).toBe(
      'rider_category_id,rider_category_name,rider_category_name_en,is_default_fare_category,active',
    );
    expect(lines).toContain('voksen,Voksen,Voksen,1,1');
    expect(lines).toContain('barn,Barn,Barn,0,1');
    const again = await client.post('/api/operator/catalog/import', { files: exported });
    expect(again.status).toBe(200);
    expect(await client.get('/api/operator/catalog/export')).toMatchObject({ body: exported });
    const bad = await client.post('/api/operator/catalog/import', {
      files: files({
        'rider_categories.txt':
          'rider_category_id,rider_category_name,is_default_fare_category\nvoksen,Voksen,ja\n',
      }),
    });
    expect(bad.body.error.details.errors).toEqual([
      {
        file: 'rider_categories.txt',
        row: 2,
        column: 'is_default_fare_category',
        problem: 'invalid_flag',
        value: 'ja',
      },
    ]);
  });

  it("the GTFS files write ids as they are (no ' formula guard: they are data files), and read them back unchanged", async () => {
    const client = await operator(app());
    const ids = ['=SUM(1)', '-1', "'=quoted", '@home'];
    const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
    const r = await client.post('/api/operator/catalog/import', {
      files: files({
        'areas.txt': ['area_id,area_name', ...ids.map((id) => `${q(id)},${q(id)}`)].join('\n'),
      }),
    });
    expect(r.status).toBe(200);
    const exported = (await client.get('/api/operator/catalog/export')).body;
    const lines = (exported['areas.txt'] as string).trim().split('\r\n');
    expect(lines).toContain('=SUM(1),=SUM(1),1');
    expect(lines).toContain('-1,-1,1');
    expect(lines).toContain("'=quoted,'=quoted,1");
    expect(lines).toContain('@home,@home,1');
    const again = await client.post('/api/operator/catalog/import', { files: exported });
    expect(again.status).toBe(200);
    const zones = (await client.get('/api/catalog')).body.zones;
    expect(zones.filter((z: { active: boolean }) => z.active).map((z: { id: string }) => z.id)).toEqual(ids);
  });
});
