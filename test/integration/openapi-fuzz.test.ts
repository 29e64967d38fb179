import fc from 'fast-check';
import { expect, it } from 'vitest';
import { messages } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription, mobile } from '../support/factories';
import { arbitraryFor, encodePart, hostileValue, type JsonSchema } from '../support/openapi-arbitraries';
import { OPERATOR } from '../support/test-app';
import { employeeClient, orderingCompany } from './employee-support';

/**
 * Issue 14, item 3: every operation of /api/openapi.json, fuzzed from its own schemas (bounded
 * and seeded), with valid sessions and CSRF tokens for the operator, a company admin and an
 * employee. No request may get a 5xx, and a rejected one (4xx) must leave every table as it was.
 * FUZZ_RUNS (default 4) sets the requests per operation, FUZZ_SEED the seed.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 4);
const SEED = Number(process.env.FUZZ_SEED ?? 14);
const NOW = '2027-01-15T10:00:00+01:00';

/** Tables a rejected request may legitimately write: sessions (CSRF), counted attempts. */
const NOT_DATA = new Set(['sessions', 'rate_limit_events', 'verification_codes']);

type Operation = {
  method: string;
  path: string;
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
};

describeEachEngine('issue 14: the OpenAPI fuzz test (no 5xx; a rejected request changes nothing)', (app) => {
  it('every operation, with hostile strings, wrong types, huge numbers and deep nesting in bodies, paths and queries', async () => {
    // The people and data the operations act on.
    const operator = new TestClient(app().server);
    await operator.login(OPERATOR.email, OPERATOR.password);
    const shop = await orderingCompany(app(), {
      selfService: 'manual',
      orderForm: {
        kind: 'custom',
        fields: [
          { key: 'ansattnr', label: 'Ansattnummer', type: 'number', required: false },
          { key: 'avdeling', label: 'Avdeling', type: 'select', required: false, options: ['Salg', 'Drift'] },
          { key: 'merknad', label: 'Merknad', type: 'text', required: false },
        ],
      },
    });
    const victim = await createCompany(app());
    const employee = await employeeClient(app(), shop.company.orderToken);
    const subscription = await createSubscription(app(), {
      companyId: shop.company.id,
      startDate: '2026-12-01',
      fields: { ansattnr: 7 },
    });
    const ticket = { token: subscription.ticketAccessToken };
    const run = await operator.post('/api/operator/billing-runs', { month: '2026-12' });
    const invoiceId: string = run.body.invoices?.[0]?.id ?? subscription.id;
    const staff = await operator.post('/api/operator/staff', {
      email: 'fuzz-staff@example.no',
      name: 'Fuzz Staff',
      role: 'read_only',
    });
    const otherAdmin = await shop.client.post('/api/company/admins', {
      name: 'Other Admin',
      email: 'fuzz-admin@example.no',
    });
    const [message] = await app().ctx.db.select({ id: messages.id }).from(messages).limit(1);
    const known = {
      strings: [
        'Kari',
        'Åse',
        'Nordmann',
        'Fuzz AS',
        mobile(),
        '974760673',
        'fuzz@example.no',
        'kristiansand',
        'lillesand',
        'voksen',
        'barn',
        '2027-02',
        '2027-02-01',
        shop.company.orderToken,
        subscription.id,
      ],
    };
    const idFor = (path: string): string => {
      if (path.includes('/subscriptions/')) return subscription.id;
      if (path.includes('/companies/')) return victim.company.id;
      if (path.includes('/invoices/')) return invoiceId;
      if (path.includes('/billing-runs/')) return run.body.runId ?? invoiceId;
      if (path.includes('/staff/')) return staff.body.id ?? subscription.id;
      if (path.includes('/admins/')) return otherAdmin.body.id ?? subscription.id;
      if (path.includes('/zones/')) return 'lillesand';
      if (path.includes('/categories/')) return 'honnor';
      if (path.includes('/messages/')) return message?.id ?? subscription.id;
      return subscription.id;
    };
    // The fuzz may rotate the order link (which ends the employee's session): follow the current one.
    let orderToken: string = shop.company.orderToken;
    const knownParam = (name: string, path: string): string | undefined =>
      ({
        orderToken,
        ticketAccessToken: ticket.token,
        validFrom: '2027-03-01',
        id: idFor(path),
      })[name];

    const clients = { operator, admin: shop.client, employee: employee.client };
    const clientFor = (path: string, anonymous: boolean) => {
      if (anonymous || path === '/api/auth/logout') return new TestClient(app().server);
      if (path.startsWith('/api/operator') || path.startsWith('/api/inspection/tickets'))
        return clients.operator;
      if (path.startsWith('/api/company')) return clients.admin;
      if (path.startsWith('/api/me') || path.startsWith('/api/order')) return clients.employee;
      return new TestClient(app().server);
    };
    const keepSessions = async () => {
      if ((await clients.operator.get('/api/auth/me')).status !== 200)
        await clients.operator.login(OPERATOR.email, OPERATOR.password);
      if ((await clients.admin.get('/api/auth/me')).status !== 200)
        await clients.admin.login(shop.adminEmail, 'admin-password-1234');
      if ((await clients.employee.get('/api/me')).status !== 200) {
        const link = await clients.admin.get('/api/company/order-link');
        if (link.status === 200) orderToken = String(link.body.url).split('/').pop() ?? orderToken;
        clients.employee = (await employeeClient(app(), orderToken)).client;
      }
    };

    const tables = (
      await app().ctx.database.executeSql(
        "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
      )
    ).rows
      .map((r) => String(r.table_name))
      .filter((t) => !NOT_DATA.has(t));
    const checksumSql = tables
      .map(
        (t) =>
          `select '${t}' as t, (select md5(coalesce(string_agg(md5(x::text), ',' order by md5(x::text)), '')) from "${t}" x) as h`,
      )
      .join(' union all ');
    const checksum = async () =>
      (await app().ctx.database.executeSql(checksumSql)).rows.map((r) => `${r.t}:${r.h}`).join(' ');

    const doc = (await operator.get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
    };
    const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ ...op, method: method.toUpperCase(), path })),
    );
    expect(operations.length).toBeGreaterThan(70);

    const failures: string[] = [];
    let requests = 0;
    for (const [index, op] of operations.entries()) {
      await keepSessions();
      const params = op.parameters ?? [];
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const request = fc.record({
        path: fc.tuple(
          ...params
            .filter((p) => p.in === 'path')
            .map((p) => {
              const real = knownParam(p.name, op.path);
              const generated = arbitraryFor(p.schema, doc, known);
              return real === undefined
                ? generated.map((v) => [p.name, v] as const)
                : fc
                    .oneof(
                      { weight: 2, arbitrary: fc.constant<unknown>(real) },
                      { weight: 1, arbitrary: generated },
                    )
                    .map((v) => [p.name, v] as const);
            }),
        ),
        query: fc.tuple(
          ...params
            .filter((p) => p.in === 'query')
            .map((p) =>
              fc
                .option(arbitraryFor(p.schema, doc, known), { nil: undefined })
                .map((v) => [p.name, v] as const),
            ),
          fc.option(hostileValue, { nil: undefined }).map((v) => ['unknown', v] as const),
        ),
        headerKey: fc.option(fc.constantFrom('fuzz-key-1', 'x'.repeat(300)), { nil: undefined }),
        body: bodySchema ? arbitraryFor(bodySchema, doc, known) : fc.option(hostileValue, { nil: undefined }),
      });
      const samples = fc.sample(request, { seed: SEED + index, numRuns: RUNS });
      for (const [n, sample] of samples.entries()) {
        let url = op.path;
        for (const [name, value] of sample.path) url = url.replace(`{${name}}`, encodePart(value));
        const query = sample.query
          .filter(([, value]) => value !== undefined)
          .map(([name, value]) => `${encodePart(name)}=${encodePart(value)}`)
          .join('&');
        if (query) url += `?${query}`;
        const client = clientFor(op.path, n === RUNS - 1);
        const headers: Record<string, string> = sample.headerKey
          ? { 'idempotency-key': sample.headerKey }
          : {};
        const before = await checksum();
        let status: number;
        let text: string;
        try {
          const r = await client.request(
            op.method as 'GET',
            url,
            op.method === 'GET' || op.method === 'DELETE' ? undefined : (sample.body ?? {}),
            headers,
          );
          status = r.status;
          text = r.text;
        } catch (error) {
          status = 599;
          text = String(error);
        }
        requests += 1;
        if (op.path.startsWith('/api/dev/clock')) app().setNow(NOW);
        const what = `${op.method} ${url.slice(0, 200)} ${JSON.stringify(sample.body)?.slice(0, 300)}`;
        if (status >= 500) failures.push(`${status} ${what} → ${text.slice(0, 300)}`);
        else if (status >= 400 && (await checksum()) !== before) {
          const after = await checksum();
          const changed = after.split(' ').filter((h) => !before.includes(h));
          failures.push(`${status} changed ${changed.map((c) => c.split(':')[0]).join(',')}: ${what}`);
        }
      }
    }
    expect(requests).toBeGreaterThanOrEqual(operations.length * RUNS);
    expect(failures).toEqual([]);
  }, 600_000);
});
