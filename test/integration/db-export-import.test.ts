import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/adapters/metrics';
import { runBillingMonth } from '../../src/app/billing/run-billing-month';
import type { AppContext } from '../../src/app/context';
import { seedDemoData } from '../../src/db/demo';
import type { Database } from '../../src/db/engine';
import { exportDatabase, importDatabase, summarizeTables } from '../../src/db/portable';
import { buildServer } from '../../src/http/server';
import { TestClient } from '../support/client';
import { openTestDatabase, testEngines } from '../support/engines';
import { createSubscription, orgNumber, ticketTokenOf } from '../support/factories';
import { createTestApp, OPERATOR, type TestApp } from '../support/test-app';

/**
 * Issue 18.4: from the embedded database to PostgreSQL. A PGlite database with a billed month,
 * tickets and a recorded payroll export is written to one portable file and loaded into an empty
 * PostgreSQL database: every table's row count and checksum match, and the product on PostgreSQL
 * serves the same invoices (and their files), tickets and payroll basis.
 */
const ADMIN = { email: 'admin@demo-bedrift.no', password: 'demo-password-123' };
const MONTH = '2027-01';

describe.skipIf(!testEngines().includes('postgres'))('db:export and db:import (issue 18.4)', () => {
  let source: TestApp;
  let target: Database & { url?: string };
  let moved: Awaited<ReturnType<typeof buildServer>>;
  let dir: string;
  let file: string;
  const withTokens: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bb-export-'));
    file = path.join(dir, 'export.jsonl');
    source = await createTestApp('pglite', { now: '2027-02-03T10:00:00+01:00' });
    await seedDemoData(source.ctx);
    // Two tickets whose links are known (the demo's were never sent, and a link's token is stored
    // only as its hash).
    const { rows: demo } = await source.ctx.database.executeSql(`select id from companies limit 1`);
    for (const firstName of ['Tove', 'Trond']) {
      const sub = await createSubscription(source, {
        companyId: String(demo[0]!.id),
        firstName,
        lastName: 'Flytting',
        startDate: '2027-01-01',
      });
      withTokens.push(sub.id);
    }
    await runBillingMonth(source.ctx, { actor: { type: 'system', label: 'test' }, month: MONTH });
    const admin = new TestClient(source.server);
    await admin.login(ADMIN.email, ADMIN.password);
    const exported = await admin.post('/api/company/payroll/exports', { month: MONTH, format: 'csv' });
    expect(exported.status).toBe(200);

    target = await openTestDatabase('postgres');
  }, 180_000);
  afterAll(async () => {
    await moved?.close();
    await source?.close();
    await target?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What a user of each kind sees, through the API. */
  async function views(server: Awaited<ReturnType<typeof buildServer>>, ticketTokens: string[]) {
    const operator = new TestClient(server);
    await operator.login(OPERATOR.email, OPERATOR.password);
    const admin = new TestClient(server);
    await admin.login(ADMIN.email, ADMIN.password);
    const invoices = await admin.get('/api/company/invoices');
    const first = invoices.body.items[0];
    const csv = await admin.get(`/api/company/invoices/${first.id}/csv`);
    const payroll = await admin.get(`/api/company/payroll?month=${MONTH}`);
    const changes = await admin.get(`/api/company/payroll/changes?month=${MONTH}`);
    const companies = await operator.get('/api/operator/companies');
    const tickets = [];
    for (const token of ticketTokens) {
      // The signed credential is made at the fetch (its own id and time), and the server's time is
      // the moment of the answer: the ticket is the rest.
      const {
        credential,
        serverTime: _now,
        ...ticket
      } = (await new TestClient(server).get(`/api/tickets/${token}`)).body;
      tickets.push({ ...ticket, signed: typeof credential === 'string' });
    }
    return {
      invoices: invoices.body,
      csv: csv.text,
      payroll: payroll.body,
      changes: changes.body,
      companies: companies.body,
      tickets,
    };
  }

  it('moves a billed month, tickets and payroll exports from PGlite to PostgreSQL: same counts, checksums and answers', async () => {
    const header = await exportDatabase(source.ctx.database, file);
    // The file holds personal data and password hashes: readable by its owner only.
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const byName = Object.fromEntries(header.tables.map((t) => [t.name, t.rows]));
    expect(byName.invoices).toBeGreaterThan(0);
    expect(byName.invoice_lines).toBeGreaterThan(0);
    expect(byName.subscriptions).toBeGreaterThan(0);
    expect(byName.payroll_exports).toBeGreaterThan(0);

    const loaded = await importDatabase(target, file);
    expect(loaded).toEqual(header.tables);
    expect(await summarizeTables(target)).toEqual(await summarizeTables(source.ctx.database));

    // Ticket links are stored only as hashes (issue 12.9): the tokens come from the SMS that sent them.
    const tokens = (await Promise.all(withTokens.map((id) => ticketTokenOf(source, id)))).filter(
      (t): t is string => t !== null,
    );
    expect(tokens.length).toBeGreaterThan(0);

    const ctx: AppContext = { ...source.ctx, database: target, db: target.db, metrics: createMetrics() };
    moved = await buildServer(ctx, { devClock: source.clock, logger: false });
    await moved.ready();
    const before = await views(source.server, tokens);
    const after = await views(moved, tokens);
    expect(after).toEqual(before);
    expect(before.invoices.items.length).toBeGreaterThan(0);
    expect(before.tickets.every((t: { error?: unknown }) => !t.error)).toBe(true);

    // New rows continue the serial keys on the target (the audit log's): a new company is written.
    const operator = new TestClient(moved);
    await operator.login(OPERATOR.email, OPERATOR.password);
    const registered = await operator.post('/api/operator/companies', {
      orgNumber: orgNumber(),
      name: 'Etter flyttingen AS',
      invoiceAddress: { street: 'Gata 1', postalCode: '4630', city: 'Kristiansand' },
      contact: { name: 'Admin', email: 'admin@etter-flyttingen.example' },
    });
    expect(registered.status).toBe(201);
  }, 180_000);

  it('refuses a database that is not empty, and a file whose rows do not match its checksums', async () => {
    await expect(importDatabase(target, file)).rejects.toThrow(/not empty/);

    const other = await openTestDatabase('pglite');
    try {
      const lines = readFileSync(file, 'utf8').split('\n');
      const tampered = lines.map((line) => line.replace('"Dina Demo"', '"Dina Endret"'));
      expect(tampered).not.toEqual(lines);
      const bad = path.join(dir, 'tampered.jsonl');
      writeFileSync(bad, tampered.join('\n'));
      await expect(importDatabase(other, bad)).rejects.toThrow(/checksum/);
      // Nothing stays behind from the refused load.
      const counts = await summarizeTables(other);
      expect(counts.filter((t) => t.rows > 0).map((t) => t.name)).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
