import { expect, it } from 'vitest';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { OPERATOR, type TestApp } from '../support/test-app';

async function operator(app: TestApp) {
  const client = new TestClient(app.server);
  await client.login(OPERATOR.email, OPERATOR.password);
  return client;
}

const areas = 'area_id,area_name\r\nkristiansand,Kristiansand\r\narendal,Arendal\r\n';
const riders =
  'rider_category_id,rider_category_name,rider_category_name_en\nvoksen,Voksen,Adult\nbarn,Barn,Child\n';
const products = (rows: string[]) =>
  ['fare_product_id,fare_product_name,rider_category_id,amount,currency,zone_count,valid_from', ...rows].join(
    '\n',
  );
const goodProducts = products([
  'v1,Voksen 1,voksen,820.00,NOK,1,2026-02-01',
  'v2,Voksen 2,voksen,1130,NOK,2,2026-02-01',
  'v3,Voksen 3+,voksen,1440.5,NOK,3,2026-02-01',
  'b1,Barn 1,barn,410.00,NOK,1,2026-02-01',
  'b2,Barn 2,barn,565.00,NOK,2,2026-02-01',
  'b3,Barn 3+,barn,720.00,NOK,3,2026-02-01',
  'v1n,Voksen 1,voksen,850.00,NOK,1,2027-02-01',
]);

describeEachEngine('operator: catalog import and export (issue 7 item 2)', (app) => {
  it('export gives GTFS-Fares-v2-shaped files with our zone_count and valid_from columns', async () => {
    const client = await operator(app());
    const r = await client.get('/api/operator/catalog/export');
    expect(r.status).toBe(200);
    const lines = (name: string) => (r.body[name] as string).trim().split('\r\n');
    expect(lines('areas.txt')[0]).toBe('area_id,area_name,active');
    expect(lines('areas.txt')).toContain('kristiansand,Kristiansand,1');
    expect(lines('rider_categories.txt')[0]).toMatch(/^rider_category_id,rider_category_name,/);
    expect(lines('fare_products.txt')[0]).toBe(
      'fare_product_id,fare_product_name,rider_category_id,amount,currency,zone_count,valid_from',
    );
    expect(lines('fare_products.txt')).toContain(
      'voksen-1-2027-02-01,Voksen 1 sone(r),voksen,814.00,NOK,1,2027-02-01',
    );
    const file = await client.get('/api/operator/catalog/export/areas.txt');
    expect(file.headers['content-type']).toMatch(/text\/csv/);
    expect(file.headers['content-disposition']).toContain('areas.txt');
  });

  it('an import with errors names file, row and column, and imports nothing', async () => {
    const client = await operator(app());
    const before = (await client.get('/api/catalog')).body;
    const badAreas = `${areas},Uten kode\r\n`;
    const badProducts = products([
      'v1,Voksen 1,voksen,820.00,NOK,1,2026-02-01',
      'v2,Voksen 2,voksen,tusen,NOK,2,2026-02-01',
      'x1,Ukjent,pensjonist,100,NOK,1,2026-02-01',
      'v4,Voksen 4,voksen,100,EUR,4,2026-13-01',
    ]);
    const r = await client.post('/api/operator/catalog/import', {
      files: { 'areas.txt': badAreas, 'rider_categories.txt': riders, 'fare_products.txt': badProducts },
    });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('IMPORT_INVALID');
    expect(r.body.error.message).toBe('Filen har feil. Ingenting er importert.');
    const errors = r.body.error.details.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        { file: 'areas.txt', row: 4, column: 'area_id', problem: 'required' },
        { file: 'fare_products.txt', row: 3, column: 'amount', problem: 'invalid_amount', value: 'tusen' },
        {
          file: 'fare_products.txt',
          row: 4,
          column: 'rider_category_id',
          problem: 'unknown_category',
          value: 'pensjonist',
        },
        { file: 'fare_products.txt', row: 5, column: 'currency', problem: 'invalid_currency', value: 'EUR' },
        {
          file: 'fare_products.txt',
          row: 5,
          column: 'zone_count',
          problem: 'invalid_zone_count',
          value: '4',
        },
        {
          file: 'fare_products.txt',
          row: 5,
          column: 'valid_from',
          problem: 'invalid_date',
          value: '2026-13-01',
        },
        {
          file: 'fare_products.txt',
          row: null,
          column: 'zone_count',
          problem: 'missing_price',
          value: 'barn 1',
        },
      ]),
    );
    expect((await client.get('/api/catalog')).body).toEqual(before);
  });

  it('a missing file or column is named', async () => {
    const client = await operator(app());
    const r = await client.post('/api/operator/catalog/import', {
      files: { 'areas.txt': 'area_name\nx\n', 'rider_categories.txt': riders },
    });
    expect(r.status).toBe(422);
    expect(r.body.error.details.errors).toEqual([
      { file: 'areas.txt', row: 1, column: 'area_id', problem: 'missing_column' },
      { file: 'fare_products.txt', row: null, column: null, problem: 'missing_file' },
    ]);
  });

  it('a valid import replaces the example catalog; zones and categories left out are deactivated, not deleted', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const client = await operator(app());
    const r = await client.post('/api/operator/catalog/import', {
      files: { 'areas.txt': areas, 'rider_categories.txt': riders, 'fare_products.txt': goodProducts },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ zones: 2, categories: 2, prices: 7 });
    const catalog = (await client.get('/api/catalog')).body;
    expect(catalog.isExample).toBe(false);
    expect(
      catalog.zones.filter((z: { active: boolean }) => z.active).map((z: { id: string }) => z.id),
    ).toEqual(['kristiansand', 'arendal']);
    expect(catalog.zones).toContainEqual({ id: 'vennesla', name: 'Vennesla', active: false });
    expect(catalog.categories.find((c: { id: string }) => c.id === 'honnor').active).toBe(false);
    expect(catalog.prices).toHaveLength(7);
    expect(catalog.prices).toContainEqual({
      categoryId: 'voksen',
      zoneCount: 3,
      monthlyPriceOre: 144_050,
      validFrom: '2026-02-01',
    });

    // The exported files import again unchanged (round trip).
    const exported = (await client.get('/api/operator/catalog/export')).body;
    const again = await client.post('/api/operator/catalog/import', { files: exported });
    expect(again.status).toBe(200);
    expect((await client.get('/api/catalog')).body).toEqual(catalog);
  });

  it('once real, an import may not change a price already in force (row named), but may change future ones', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const client = await operator(app());
    const changedPast = goodProducts.replace('v2,Voksen 2,voksen,1130,', 'v2,Voksen 2,voksen,1200,');
    const r = await client.post('/api/operator/catalog/import', {
      files: { 'areas.txt': areas, 'rider_categories.txt': riders, 'fare_products.txt': changedPast },
    });
    expect(r.status).toBe(422);
    expect(r.body.error.details.errors).toEqual([
      {
        file: 'fare_products.txt',
        row: 3,
        column: 'valid_from',
        problem: 'price_in_force_changed',
        value: '2026-02-01',
      },
    ]);
    const changedFuture = goodProducts.replace('v1n,Voksen 1,voksen,850.00', 'v1n,Voksen 1,voksen,860.00');
    const ok = await client.post('/api/operator/catalog/import', {
      files: { 'areas.txt': areas, 'rider_categories.txt': riders, 'fare_products.txt': changedFuture },
    });
    expect(ok.status).toBe(200);
    const prices = (await client.get('/api/catalog')).body.prices;
    expect(prices).toContainEqual({
      categoryId: 'voksen',
      zoneCount: 1,
      monthlyPriceOre: 86_000,
      validFrom: '2027-02-01',
    });
    expect(prices).toContainEqual({
      categoryId: 'voksen',
      zoneCount: 2,
      monthlyPriceOre: 113_000,
      validFrom: '2026-02-01',
    });
  });
});
