import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { OPERATOR, type TestApp } from '../support/test-app';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const SHARED_PRODUCT = path.join(repoRoot, '..', 'shared', 'cases', 'gtfs-fares-shared-product-id');
const caseFile = (name: string) => fs.readFileSync(path.join(SHARED_PRODUCT, name), 'utf8');

async function operator(app: TestApp) {
  const client = new TestClient(app.server);
  await client.login(OPERATOR.email, OPERATOR.password);
  return client;
}

const HEADER = 'fare_product_id,fare_product_name,rider_category_id,amount,currency,zone_count,valid_from';
const areas = 'area_id,area_name\nkristiansand,Kristiansand\n';
const riders = 'rider_category_id,rider_category_name\nvoksen,Voksen\n';

describeEachEngine('GTFS-Fares v2: composite key and free-form UTF-8 ids (issue 14, item 9)', (app) => {
  it('one fare_product_id for two rider categories (as real feeds do) is accepted: six rows, six prices from 1 Feb 2027', async () => {
    const client = await operator(app());
    const r = await client.post('/api/operator/catalog/import', {
      files: {
        'areas.txt': caseFile('areas.txt'),
        'rider_categories.txt': caseFile('rider_categories.txt'),
        'fare_products.txt': caseFile('fare_products.txt'),
      },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ zones: 2, categories: 2, prices: 6 });
    const prices = (await client.get('/api/catalog')).body.prices;
    expect(prices).toEqual(
      expect.arrayContaining([
        { categoryId: 'voksen', zoneCount: 1, monthlyPriceOre: 80_000, validFrom: '2027-02-01' },
        { categoryId: 'honnor', zoneCount: 1, monthlyPriceOre: 40_000, validFrom: '2027-02-01' },
        { categoryId: 'voksen', zoneCount: 2, monthlyPriceOre: 110_000, validFrom: '2027-02-01' },
        { categoryId: 'honnor', zoneCount: 2, monthlyPriceOre: 55_000, validFrom: '2027-02-01' },
        { categoryId: 'voksen', zoneCount: 3, monthlyPriceOre: 140_000, validFrom: '2027-02-01' },
        { categoryId: 'honnor', zoneCount: 3, monthlyPriceOre: 70_000, validFrom: '2027-02-01' },
      ]),
    );
    expect(prices).toHaveLength(6);
  });

  it('the key is (fare_product_id, rider_category_id, fare_media_id): a repeat of all three is a duplicate, another medium is not', async () => {
    const client = await operator(app());
    const products = (rows: string[]) => [`${HEADER},fare_media_id`, ...rows].join('\n');
    const ok = await client.post('/api/operator/catalog/import', {
      files: {
        'areas.txt': areas,
        'rider_categories.txt': riders,
        'fare_products.txt': products([
          'p1,Bedrift 1,voksen,800,NOK,1,2027-02-01,app',
          'p1,Bedrift 1,voksen,800,NOK,1,2027-02-01,kort',
          'p2,Bedrift 2,voksen,1100,NOK,2,2027-02-01,',
          'p3,Bedrift 3,voksen,1400,NOK,3,2027-02-01,',
        ]),
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.prices).toBe(3);
    const dup = await client.post('/api/operator/catalog/import', {
      files: {
        'areas.txt': areas,
        'rider_categories.txt': riders,
        'fare_products.txt': products([
          'p1,Bedrift 1,voksen,800,NOK,1,2027-02-01,app',
          'p1,Bedrift 1,voksen,800,NOK,1,2027-02-01,app',
          'p2,Bedrift 2,voksen,1100,NOK,2,2027-02-01,',
          'p3,Bedrift 3,voksen,1400,NOK,3,2027-02-01,',
        ]),
      },
    });
    expect(dup.status).toBe(422);
    expect(dup.body.error.details.errors).toEqual([
      {
        file: 'fare_products.txt',
        row: 3,
        column: 'fare_product_id',
        problem: 'duplicate',
        value: 'fare_product_id, rider_category_id, fare_media_id = p1, voksen, app',
      },
    ]);
  });

  it('ids are free-form UTF-8 text (spaces, commas, quotes, any script) in import, export and the round trip', async () => {
    const client = await operator(app());
    const ids = ['Sone 1, sentrum', 'Ålesund "nord"', 'Øst/Vest', 'Центр', '=SUM(1)', '-1'];
    const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
    const zonesFile = ['area_id,area_name', ...ids.map((id) => `${q(id)},${q(`Sone ${id}`)}`)].join('\n');
    const ridersFile = 'rider_category_id,rider_category_name\n"voksen (18+)",Voksen\nΕνήλικας,Ενήλικας\n';
    const productsFile = [
      HEADER,
      ...['voksen (18+)', 'Ενήλικας'].flatMap((c) =>
        [1, 2, 3].map((n) => `"bedrift, ${n} sone",Bedrift ${n},${q(c)},${n}00,NOK,${n},2027-02-01`),
      ),
    ].join('\n');
    const r = await client.post('/api/operator/catalog/import', {
      files: {
        'areas.txt': zonesFile,
        'rider_categories.txt': ridersFile,
        'fare_products.txt': productsFile,
      },
    });
    expect(r.status).toBe(200);
    const catalog = (await client.get('/api/catalog')).body;
    expect(
      catalog.zones.filter((z: { active: boolean }) => z.active).map((z: { id: string }) => z.id),
    ).toEqual(ids);
    expect(catalog.prices).toHaveLength(6);

    const exported = (await client.get('/api/operator/catalog/export')).body;
    const again = await client.post('/api/operator/catalog/import', { files: exported });
    expect(again.status).toBe(200);
    expect((await client.get('/api/catalog')).body).toEqual(catalog);
    // Our own export keeps GTFS's key unique.
    const rows = (exported['fare_products.txt'] as string).trim().split('\r\n');
    expect(new Set(rows).size).toBe(rows.length);
  });

  it('an id with a control character is refused (the file is not clean text: 400)', async () => {
    const client = await operator(app());
    const r = await client.post('/api/operator/catalog/import', {
      files: {
        'areas.txt': 'area_id,area_name\n"a\u0001b",A\n',
        'rider_categories.txt': riders,
        'fare_products.txt': [
          HEADER,
          'p1,B,voksen,1,NOK,1,2027-02-01',
          'p2,B,voksen,1,NOK,2,2027-02-01',
          'p3,B,voksen,1,NOK,3,2027-02-01',
        ].join('\n'),
      },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details).toMatchObject({ file: 'areas.txt', reason: 'invalid_bytes' });
  });
});
