import { expect, it } from 'vitest';
import { acceptInvitation } from '../../src/app/auth/accept-invitation';
import { TICKET_NUMBER_LOOKUPS } from '../../src/app/tickets/look-up-ticket-number';
import type { OperatorRole } from '../../src/domain/staff-roles';
import { formatTicketNumber } from '../../src/domain/ticket-number';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription } from '../support/factories';
import { OPERATOR, type TestApp } from '../support/test-app';

async function operatorAdmin(app: TestApp) {
  const client = new TestClient(app.server);
  await client.login(OPERATOR.email, OPERATOR.password);
  return client;
}

/** A member of operator staff with `role`, invited by the admin and logged in with the link's password. */
async function staffMember(app: TestApp, role: OperatorRole, email: string) {
  const admin = await operatorAdmin(app);
  const invited = await admin.post('/api/operator/staff', { email, name: 'Kontrollør', role });
  expect(invited.status).toBe(201);
  const outbox = await admin.get(`/api/dev/outbox?to=${encodeURIComponent(email)}`);
  const link = /\/operator\/invitasjon\/([\w-]+)/.exec(outbox.body.messages[0].body);
  await acceptInvitation(app.ctx, { token: link![1]!, password: 'staff-password-1234', ip: '127.0.0.1' });
  const client = new TestClient(app.server);
  await client.login(email, 'staff-password-1234');
  return client;
}

/** A ticket with a known number, March 2027, zones Kristiansand and Vennesla. */
async function ticket(app: TestApp) {
  const { company, client: admin } = await createCompany(app);
  const sub = await createSubscription(app, {
    companyId: company.id,
    firstName: 'Kari',
    lastName: 'Nordmann',
    zoneIds: ['kristiansand', 'vennesla'],
    startDate: '2027-03-01',
    endDate: '2027-03-31',
  });
  return { sub, admin, number: formatTicketNumber(sub.ticketNumber) };
}

/** The same number with another (wrong) check symbol. */
function withWrongCheck(number: string): string {
  const checks = '0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U';
  const wrong = checks[(checks.indexOf(number[8] as string) + 1) % 37] as string;
  return number.slice(0, 8) + wrong;
}

describeEachEngine('inspection by ticket number (issue 13 item 6)', (app) => {
  it('an inspector typing the number gets the verdict of POST /api/inspection/verify: holder, zones, category, validity', async () => {
    app().setNow('2027-03-05T12:00:00+01:00');
    const { sub, number } = await ticket(app());
    const inspector = await staffMember(app(), 'inspector', 'kontroll-1@example.no');
    const r = await inspector.get(`/api/inspection/tickets/${number}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      valid: true,
      ticketId: sub.id,
      ticketNumber: number,
      holder: { firstName: 'Kari', lastName: 'Nordmann' },
      zoneIds: ['kristiansand', 'vennesla'],
      categoryId: 'voksen',
      validFrom: '2027-02-28T23:00:00.000Z',
      validTo: '2027-03-31T21:59:59.000Z',
    });
    expect(r.headers['cache-control']).toBe('no-store');
    // Typed as people type it: lower case, with a hyphen, O for 0 and L for 1.
    const typed = `${number.slice(0, 4)}-${number.slice(4)}`
      .toLowerCase()
      .replaceAll('0', 'o')
      .replaceAll('1', 'l');
    expect((await inspector.get(`/api/inspection/tickets/${encodeURIComponent(typed)}`)).body.valid).toBe(
      true,
    );
    // An operator admin may look numbers up too.
    const admin = await operatorAdmin(app());
    expect((await admin.get(`/api/inspection/tickets/${number}`)).body).toMatchObject({ valid: true });
  });

  it('the OpenAPI document has the lookup, with the verify verdict as its answer', async () => {
    const doc = (await new TestClient(app().server).get('/api/openapi.json')).body;
    const lookup = doc.paths['/api/inspection/tickets/{ticketNumber}']?.get;
    expect(lookup?.parameters).toContainEqual(expect.objectContaining({ name: 'ticketNumber', in: 'path' }));
    const verdict = (op: { responses: Record<string, { content: Record<string, { schema: unknown }> }> }) =>
      op.responses['200']?.content['application/json']?.schema;
    expect(verdict(lookup)).toEqual(verdict(doc.paths['/api/inspection/verify'].post));
  });

  it('an ended ("now") ticket is revoked at once; before its start not_yet_valid; after its end expired', async () => {
    app().setNow('2027-02-20T12:00:00+01:00');
    const { number } = await ticket(app());
    const inspector = await staffMember(app(), 'inspector', 'kontroll-2@example.no');
    expect((await inspector.get(`/api/inspection/tickets/${number}`)).body).toMatchObject({
      valid: false,
      reason: 'not_yet_valid',
      holder: { firstName: 'Kari' },
    });
    app().setNow('2027-04-01T00:00:00+02:00');
    // Weeks later: a new shift, a new login.
    const nextShift = new TestClient(app().server);
    await nextShift.login('kontroll-2@example.no', 'staff-password-1234');
    expect((await nextShift.get(`/api/inspection/tickets/${number}`)).body).toMatchObject({
      valid: false,
      reason: 'expired',
    });
    app().setNow('2027-03-05T12:00:00+01:00');
    const other = await ticket(app());
    expect((await nextShift.get(`/api/inspection/tickets/${other.number}`)).body.valid).toBe(true);
    const end = await other.admin.post(`/api/company/subscriptions/${other.sub.id}/end`, {
      effective: 'now',
    });
    expect(end.status).toBe(200);
    const after = await nextShift.get(`/api/inspection/tickets/${other.number}`);
    expect(after.body).toMatchObject({ valid: false, reason: 'revoked', holder: { lastName: 'Nordmann' } });
  });

  it('401 without a login; 403 for read-only staff and company admins; the login is checked before the number', async () => {
    app().setNow('2027-03-05T12:00:00+01:00');
    const { admin: companyAdmin, number } = await ticket(app());
    const anonymous = await new TestClient(app().server).get(`/api/inspection/tickets/${number}`);
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    const garbage = await new TestClient(app().server).get('/api/inspection/tickets/not-a-number');
    expect(garbage.status).toBe(401);
    const readOnly = await staffMember(app(), 'read_only', 'lesetilgang-kontroll@example.no');
    const denied = await readOnly.get(`/api/inspection/tickets/${number}`);
    expect([denied.status, denied.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await companyAdmin.get(`/api/inspection/tickets/${number}`)).status).toBe(403);
  });

  it('a wrong check character is a 400 naming the field, in nb and en; a number of the wrong form too; unknown is 404', async () => {
    app().setNow('2027-03-05T12:00:00+01:00');
    const { sub, number } = await ticket(app());
    const inspector = await staffMember(app(), 'inspector', 'kontroll-3@example.no');
    const wrong = await inspector.get(`/api/inspection/tickets/${withWrongCheck(number)}`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('TICKET_NUMBER_INVALID');
    expect(wrong.body.error.details).toEqual([
      expect.objectContaining({ path: 'params.ticketNumber', problem: 'ticket_number_check' }),
    ]);
    expect(wrong.body.error.message).toMatch(/«ticketNumber» har feil kontrolltegn/);
    const en = await inspector.get(`/api/inspection/tickets/${withWrongCheck(number)}`, {
      'accept-language': 'en',
    });
    expect(en.body.error.message).toMatch(/"ticketNumber" has the wrong check character/);
    for (const bad of ['12345', 'ABCDEFGH!']) {
      const r = await inspector.get(`/api/inspection/tickets/${bad}`);
      expect([r.status, r.body.error.code]).toEqual([400, 'TICKET_NUMBER_INVALID']);
      expect(r.body.error.details[0]).toMatchObject({
        path: 'params.ticketNumber',
        problem: 'ticket_number_invalid',
      });
    }
    // A bidi override (refused in any URL) and a long value: 400, never 500.
    const bidi = await inspector.get('/api/inspection/tickets/%E2%80%AE12345678');
    expect([bidi.status, bidi.body.error.details[0].problem]).toEqual([400, 'bidi_control']);
    const long = await inspector.get(`/api/inspection/tickets/${'x'.repeat(60)}`);
    expect([long.status, long.body.error.details[0]]).toEqual([
      400,
      expect.objectContaining({ path: 'params.ticketNumber', problem: 'too_long' }),
    ]);
    const unknown = formatTicketNumber((sub.ticketNumber + 1) % 2 ** 40);
    const notFound = await inspector.get(`/api/inspection/tickets/${unknown}`);
    expect([notFound.status, notFound.body.error.code]).toEqual([404, 'TICKET_NUMBER_NOT_FOUND']);
  });

  it(`rate limited: ${TICKET_NUMBER_LOOKUPS.limit} lookups per inspector per window, then 429 with Retry-After; others unaffected`, async () => {
    app().setNow('2027-03-06T09:00:00+01:00');
    const { number } = await ticket(app());
    const inspector = await staffMember(app(), 'inspector', 'kontroll-4@example.no');
    for (let i = 0; i < TICKET_NUMBER_LOOKUPS.limit; i++) {
      expect((await inspector.get(`/api/inspection/tickets/${number}`)).status).toBe(200);
    }
    const refused = await inspector.get(`/api/inspection/tickets/${number}`);
    expect([refused.status, refused.body.error.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const colleague = await staffMember(app(), 'inspector', 'kontroll-5@example.no');
    expect((await colleague.get(`/api/inspection/tickets/${number}`)).status).toBe(200);
    // A whole window after the last lookup (the test clock runs on from where it was set, and the
    // 30 lookups can take many seconds on a loaded machine), the inspector may look up again.
    app().setNow('2027-03-06T09:20:00+01:00');
    expect((await inspector.get(`/api/inspection/tickets/${number}`)).status).toBe(200);
  });
});
