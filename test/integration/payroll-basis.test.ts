import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { runBillingMonth } from '../../src/app/billing/run-billing-month';
import { auditLog, companies, payrollExports, subscriptions } from '../../src/db/schema';
import { defaultOrderForm } from '../../src/db/schema/companies';
import { describeEachEngine } from '../support/each-engine';
import { ADMIN_PASSWORD, createCompany, createSubscription, systemOperator } from '../support/factories';

type Row = { subscriptionId: string; lastName: string; [k: string]: unknown };

describeEachEngine(
  'payroll-deduction basis (issue 6, rule 12)',
  (app) => {
    let a: Awaited<ReturnType<typeof createCompany>>;
    const ids: Record<string, string> = {};

    it('setup: a company with a 50 % subsidy and an employee-number field', async () => {
      a = await createCompany(app(), { subsidy: { type: 'percent', value: 50 } });
      await app()
        .ctx.db.update(companies)
        .set({
          orderForm: {
            ...defaultOrderForm,
            kind: 'custom',
            fields: [{ key: 'ansattnr', label: 'Ansattnummer', type: 'text', required: true }],
          },
        })
        .where(eq(companies.id, a.company.id));
      const sub = (lastName: string, o: Partial<Parameters<typeof createSubscription>[1]>) =>
        createSubscription(app(), { companyId: a.company.id, lastName, startDate: '2027-03-01', ...o });
      ids.aas = (await sub('Aas', { fields: { ansattnr: '1001' } })).id;
      ids.berg = (
        await sub('Berg', { startDate: '2027-02-01', endDate: '2027-03-05', fields: { ansattnr: '1002' } })
      ).id;
      ids.dahl = (await sub('Dahl', { state: 'pending' })).id;
    });

    it('rule 12: provisional during the month: price, company share, deduction = price − share, benefit', async () => {
      const r = await a.client.get('/api/company/payroll?month=2027-03');
      expect(r.status).toBe(200);
      expect(r.body.final).toBe(false);
      expect(r.body.fieldColumns).toEqual([{ key: 'ansattnr', label: 'Ansattnummer', type: 'text' }]);
      const rows: Row[] = r.body.rows;
      expect(rows.map((x) => x.lastName)).toEqual(['Aas', 'Berg']);
      expect(rows[0]).toMatchObject({
        subscriptionId: ids.aas,
        fields: { ansattnr: '1001' },
        daysValid: 31,
        priceOre: 81400,
        companyShareOre: 40700,
        deductionOre: 40700,
        taxableBenefitOre: 40700,
      });
      expect(rows[1]).toMatchObject({ daysValid: 5, priceOre: 81400 });
      expect(r.body.totals).toEqual({
        count: 2,
        priceOre: 162800,
        companyShareOre: 81400,
        deductionOre: 81400,
        taxableBenefitOre: 81400,
      });
    });

    it('rule 12: CSV is semicolon-separated UTF-8 with BOM and decimal comma, and the export (a POST) is recorded and audited', async () => {
      const r = await a.client.post('/api/company/payroll/exports', { month: '2027-03', format: 'csv' });
      expect(r.status).toBe(200);
      expect(r.headers['cache-control']).toBe('no-store');
      expect(String(r.headers['content-disposition'])).toContain('lonnstrekk-2027-03-forelopig.csv');
      expect(String(r.headers['content-type'])).toContain('text/csv');
      expect(r.text.charCodeAt(0)).toBe(0xfeff);
      const lines = r.text.slice(1).trim().split('\r\n');
      expect(lines[0]!.split(';')).toEqual(
        expect.arrayContaining(['Ansattnummer', 'Lønnstrekk', 'Skattepliktig fordel']),
      );
      expect(lines[1]).toContain(';1001;');
      expect(lines[1]).toContain('foreløpig');
      expect(lines[1]!.endsWith(';814,00;407,00;407,00;407,00;;')).toBe(true);
      // Data rows only (issue 14): no sum row a payroll import could read as an employee.
      expect(lines).toHaveLength(3);
      expect(lines.some((l) => l.includes('Sum'))).toBe(false);

      const exports = await app()
        .ctx.db.select()
        .from(payrollExports)
        .where(eq(payrollExports.companyId, a.company.id));
      expect(exports).toHaveLength(1);
      expect(exports[0]).toMatchObject({ month: '2027-03', format: 'csv', final: 0 });
      const audit = await app().ctx.db.select().from(auditLog).where(eq(auditLog.entityId, exports[0]!.id));
      expect(audit.map((x) => x.action)).toEqual(['payroll.exported']);
    });

    it('rule 12: XLSX has the same rows with amounts in kroner; issue 12.8: the GET download records nothing, the POST records', async () => {
      const recorded = async () =>
        (await app().ctx.db.select().from(payrollExports).where(eq(payrollExports.companyId, a.company.id)))
          .length;
      const cookie = [...a.client.cookieJar].map(([k, v]) => `${k}=${v}`).join('; ');
      const r = await app().server.inject({
        url: '/api/company/payroll?month=2027-03&format=xlsx',
        headers: { cookie },
      });
      expect(r.statusCode).toBe(200);
      expect(r.headers['cache-control']).toBe('no-store');
      expect(await recorded()).toBe(1);
      expect((await a.client.get('/api/company/payroll?month=2027-03&format=csv')).status).toBe(200);
      expect(await recorded()).toBe(1);
      const posted = await a.client.post('/api/company/payroll/exports', {
        month: '2027-03',
        format: 'xlsx',
      });
      expect(posted.status).toBe(200);
      expect(await recorded()).toBe(2);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(r.rawPayload as never);
      const ws = book.worksheets[0]!;
      const header = (ws.getRow(1).values as unknown[]).slice(1);
      expect(header).toContain('Ansattnummer');
      const aas = (ws.getRow(2).values as unknown[]).slice(1);
      expect(aas).toEqual(expect.arrayContaining(['Aas', '1001', 814, 407]));
      expect(ws.rowCount).toBe(3);
      expect(book.getWorksheet('Sum')).toBeDefined();
    });

    it('rule 12: changes since the last export: who started, ended or changed price', async () => {
      ids.eik = (
        await createSubscription(app(), { companyId: a.company.id, lastName: 'Eik', startDate: '2027-03-20' })
      ).id;
      await app()
        .ctx.db.update(subscriptions)
        .set({ endDate: '2027-03-31' })
        .where(eq(subscriptions.id, ids.aas!));
      await app()
        .ctx.db.update(companies)
        .set({ subsidy: { type: 'fixed', value: 10000 } })
        .where(eq(companies.id, a.company.id));
      const r = await a.client.get('/api/company/payroll/changes?month=2027-03');
      expect(r.status).toBe(200);
      expect(r.body.since).toMatchObject({ month: '2027-03', format: 'xlsx' });
      expect(r.body.started.map((x: Row) => x.lastName)).toEqual(['Eik']);
      expect(r.body.ended.map((x: Row) => x.lastName)).toEqual(['Aas']);
      expect(r.body.priceChanged.map((x: { after: Row }) => x.after.lastName)).toEqual(['Aas', 'Berg']);
      expect(r.body.priceChanged[0].after.deductionOre).toBe(71400);
    });

    it('rule 12: final once the month is billed, with the share as billed', async () => {
      app().setNow('2027-04-01T07:00:00+02:00');
      await runBillingMonth(app().ctx, { actor: systemOperator, month: '2027-03' });
      await app()
        .ctx.db.update(companies)
        .set({ subsidy: { type: 'none' } })
        .where(eq(companies.id, a.company.id));
      // Three weeks later the session has expired: the browser learns so, then logs in again.
      expect((await a.client.get('/api/auth/me')).status).toBe(401);
      await a.client.login(a.adminEmail, ADMIN_PASSWORD);
      const r = await a.client.get('/api/company/payroll?month=2027-03');
      expect(r.body.final).toBe(true);
      expect(r.body.rows.map((x: Row) => [x.lastName, x.deductionOre, x.companyShareOre])).toEqual([
        ['Aas', 71400, 10000],
        ['Berg', 71400, 10000],
        ['Eik', 71400, 10000],
      ]);
      const april = await a.client.get('/api/company/payroll?month=2027-04');
      expect(april.body.final).toBe(false);
      expect(april.body.rows.map((x: Row) => [x.lastName, x.deductionOre])).toEqual([['Eik', 81400]]);
    });

    it('another company sees none of these rows; a bad month is 400 MONTH_INVALID', async () => {
      const b = await createCompany(app());
      const r = await b.client.get('/api/company/payroll?month=2027-03');
      expect(r.body.rows).toEqual([]);
      const changes = await b.client.get('/api/company/payroll/changes?month=2027-03');
      expect(changes.body).toMatchObject({ since: null, started: [], ended: [] });
      const bad = await b.client.get('/api/company/payroll?month=mars');
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('MONTH_INVALID');
    });
  },
  { now: '2027-03-10T10:00:00+01:00' },
);
