import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { companies } from '../../src/db/schema';
import { defaultOrderForm } from '../../src/db/schema/companies';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription } from '../support/factories';

describeEachEngine('exports safe by construction and typed by meaning (issue 14, item 5)', (app) => {
  async function company() {
    const a = await createCompany(app(), { subsidy: { type: 'percent', value: 50 } });
    await app()
      .ctx.db.update(companies)
      .set({
        orderForm: {
          ...defaultOrderForm,
          kind: 'custom',
          fields: [
            { key: 'ansattnr', label: 'Ansattnummer', type: 'number', required: true },
            { key: 'avdeling', label: 'Avdeling', type: 'text', required: false },
          ],
        },
      })
      .where(eq(companies.id, a.company.id));
    await createSubscription(app(), {
      companyId: a.company.id,
      firstName: 'Kari',
      lastName: 'Nordmann',
      phone: '+4741234501',
      startDate: '2027-01-01',
      fields: { ansattnr: '00789', avdeling: '=HYPERLINK("http://x","klikk")' },
    });
    await createSubscription(app(), {
      companyId: a.company.id,
      lastName: 'Berg',
      startDate: '2027-01-01',
      fields: { ansattnr: '4200', avdeling: '@SUM(A1)' },
    });
    return a;
  }

  it('payroll CSV: formula-like text neutralised, a typed number kept as typed, no sum row', async () => {
    const a = await company();
    const r = await a.client.get('/api/company/payroll?month=2027-01&format=csv');
    expect(r.status).toBe(200);
    const lines = r.text.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    const kari = lines.find((l) => l.includes('Nordmann'))!.split(';');
    expect(kari).toContain('00789');
    expect(kari).toContain(`"'=HYPERLINK(""http://x"",""klikk"")"`);
    expect(kari).toContain("'+4741234501");
    expect(lines.find((l) => l.includes('Berg'))).toContain(";4200;'@SUM(A1);");
    for (const cell of lines.flatMap((l) => l.split(';'))) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(lines.some((l) => /\bSum\b/.test(l))).toBe(false);
  });

  it('payroll XLSX: amounts and number fields numeric, dates and month real dates, phone text; totals on their own sheet', async () => {
    const a = await company();
    const r = await a.client.get('/api/company/payroll?month=2027-01&format=xlsx');
    expect(r.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.raw as never);
    const ws = book.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (name: string) => header.indexOf(name) + 1;
    expect(ws.rowCount).toBe(3);
    const kari = [2, 3]
      .map((n) => ws.getRow(n))
      .find((row) => row.getCell(col('Etternavn')).value === 'Nordmann')!;
    const ansattnr = kari.getCell(col('Ansattnummer'));
    expect(ansattnr.value).toBe(789);
    expect(ansattnr.numFmt).toBe('00000');
    expect(kari.getCell(col('Mobil')).value).toBe('+4741234501');
    expect(kari.getCell(col('Full pris')).value).toBe(790);
    expect(kari.getCell(col('Dager gyldig')).value).toBe(31);
    expect(kari.getCell(col('Fra')).value).toEqual(new Date(Date.UTC(2027, 0, 1)));
    expect(kari.getCell(col('Måned')).value).toEqual(new Date(Date.UTC(2027, 0, 1)));
    expect(kari.getCell(col('Avdeling')).value).toBe('=HYPERLINK("http://x","klikk")');
    expect(kari.getCell(col('Avdeling')).type).toBe(ExcelJS.ValueType.String);
    const sum = book.getWorksheet('Sum')!;
    expect((sum.getRow(2).values as unknown[]).slice(1)).toEqual([
      new Date(Date.UTC(2027, 0, 1)),
      'foreløpig',
      2,
      1580,
      790,
      790,
      790,
    ]);
  });
});
