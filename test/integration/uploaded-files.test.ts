import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { expect, it } from 'vitest';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany } from '../support/factories';
import { OPERATOR, type TestApp } from '../support/test-app';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const CASES = path.join(repoRoot, '..', 'shared', 'cases');
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function operator(app: TestApp) {
  const client = new TestClient(app.server);
  await client.login(OPERATOR.email, OPERATOR.password);
  return client;
}

type PreviewRow = { firstName: string; lastName: string; errors: unknown[] };
const names = (rows: PreviewRow[]) => rows.map((r) => `${r.firstName} ${r.lastName}`);

describeEachEngine('uploaded files are read from their bytes on the server (issue 14, item 4)', (app) => {
  it("Norwegian Excel's Windows-1252 CSV previews Trine Ødegård and Jørn Ås and says it read Windows-1252", async () => {
    const { client } = await createCompany(app());
    const bytes = fs.readFileSync(path.join(CASES, 'subscriptions-excel-windows-1252.csv'));
    const r = await client.post('/api/company/subscriptions/import', {
      csvBase64: base64(bytes),
      dryRun: true,
    });
    expect(r.status).toBe(200);
    expect(r.body.encoding).toBe('Windows-1252');
    expect(names(r.body.rows)).toEqual(['Trine Ødegård', 'Jørn Ås']);
    expect(r.body.valid).toBe(true);
    const done = await client.post('/api/company/subscriptions/import', { csvBase64: base64(bytes) });
    expect(done.status).toBe(201);
    const items = (await client.get('/api/company/subscriptions')).body.items;
    expect(items.map((s: { lastName: string }) => s.lastName).sort()).toEqual(['Ås', 'Ødegård']);
  });

  it('UTF-16 LE with BOM and tab separators, and UTF-8 with BOM and commas, read the same names', async () => {
    const { client } = await createCompany(app());
    const rows = (sep: string) =>
      [
        `Fornavn${sep}Etternavn${sep}Mobil${sep}Soner${sep}Kategori`,
        `Åse${sep}Ødegård${sep}41234503${sep}"Arendal, Grimstad"${sep}Voksen`,
      ].join('\r\n');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(rows('\t'), 'utf-16le')]);
    const a = await client.post('/api/company/subscriptions/import', {
      csvBase64: base64(utf16),
      dryRun: true,
    });
    expect(a.status).toBe(200);
    expect([a.body.encoding, names(a.body.rows)]).toEqual(['UTF-16LE', ['Åse Ødegård']]);
    expect(a.body.rows[0].zoneIds).toEqual(['arendal', 'grimstad']);
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows(','))]);
    const b = await client.post('/api/company/subscriptions/import', {
      csvBase64: base64(utf8),
      dryRun: true,
    });
    expect([b.body.encoding, names(b.body.rows)]).toEqual(['UTF-8', ['Åse Ødegård']]);
  });

  it('a file that is not text is refused with a clear 400 (nb and en) and nothing is created', async () => {
    const { client } = await createCompany(app());
    const png = fs.readFileSync(path.join(repoRoot, 'src/web/public/icon-192.png'));
    const r = await client.post('/api/company/subscriptions/import', {
      csvBase64: base64(png),
      dryRun: false,
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('FILE_UNREADABLE');
    expect(r.body.error.message).toMatch(/kan ikke leses som tekst/);
    expect(r.body.error.details.field).toBe('file');
    expect((await client.get('/api/company/subscriptions')).body.items).toHaveLength(0);
    const en = await client.request(
      'POST',
      '/api/company/subscriptions/import',
      { csvBase64: base64(png) },
      {
        'accept-language': 'en',
      },
    );
    expect(en.body.error.message).toMatch(/cannot be read as text/);
  });

  it('the catalog import reads its files from bytes too: Windows-1252 "Honnør" stays Honnør', async () => {
    const client = await operator(app());
    const dir = path.join(CASES, 'gtfs-fares-shared-product-id');
    const file = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
    const r = await client.post('/api/operator/catalog/import', {
      filesBase64: {
        'areas.txt': base64(Buffer.from(file('areas.txt'))),
        'rider_categories.txt': base64(iconv.encode(file('rider_categories.txt'), 'windows-1252')),
        'fare_products.txt': base64(Buffer.from(file('fare_products.txt'))),
      },
    });
    expect(r.status).toBe(200);
    expect(r.body.encodings).toEqual({
      'areas.txt': 'UTF-8',
      'rider_categories.txt': 'Windows-1252',
      'fare_products.txt': 'UTF-8',
    });
    const categories = (await client.get('/api/catalog')).body.categories;
    expect(categories).toContainEqual(expect.objectContaining({ id: 'honnor', name: 'Honnør' }));
  });

  it('a catalog file that is not text is a 400 naming the file', async () => {
    const client = await operator(app());
    const png = fs.readFileSync(path.join(repoRoot, 'src/web/public/icon-192.png'));
    const r = await client.post('/api/operator/catalog/import', {
      filesBase64: { 'areas.txt': base64(png) },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('FILE_UNREADABLE');
    expect(r.body.error.details.file).toBe('areas.txt');
  });
});
