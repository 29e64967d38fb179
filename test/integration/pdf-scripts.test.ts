import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/each-engine';
import { createCompany } from '../support/factories';

const pdftotext = (pdf: Buffer) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');

describeEachEngine('the QR poster in every Latin script and more (issue 14, item 6)', (app) => {
  it('a company named in Polish, Sami and Greek reads back exactly from the poster PDF', async () => {
    const name = 'Łukasz Wiśniewski Ŋaŋŋa Đuoddar Ελληνικά AS';
    const { client } = await createCompany(app(), { name });
    const r = await client.get('/api/company/order-link/poster.pdf');
    expect(r.status).toBe(200);
    // Lines wrap where the page ends: compare with whitespace collapsed.
    const text = pdftotext(r.raw).replace(/\s+/g, ' ');
    expect(text).toContain(name);
    expect(text).toContain(`${name} tilbyr deg månedsbillett`);
  });
});
