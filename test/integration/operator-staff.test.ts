import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { acceptInvitation } from '../../src/app/auth/accept-invitation';
import { auditLog, users } from '../../src/db/schema';
import type { OperatorRole } from '../../src/domain/staff-roles';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { OPERATOR, type TestApp } from '../support/test-app';

async function operator(app: TestApp) {
  const client = new TestClient(app.server);
  await client.login(OPERATOR.email, OPERATOR.password);
  return client;
}

/** Invites staff, takes the link from the email and sets a password. */
async function inviteAndAccept(app: TestApp, client: TestClient, email: string, role: OperatorRole) {
  const invited = await client.post('/api/operator/staff', { email, name: 'Ny Ansatt', role });
  expect(invited.status).toBe(201);
  const outbox = await client.get(`/api/dev/outbox?to=${encodeURIComponent(email)}`);
  const link = /\/operator\/invitasjon\/([\w-]+)/.exec(outbox.body.messages[0].body);
  expect(link).not.toBeNull();
  await acceptInvitation(app.ctx, { token: link![1]!, password: 'staff-password-1234', ip: '127.0.0.1' });
  const staff = new TestClient(app.server);
  await staff.login(email, 'staff-password-1234');
  return { id: invited.body.id as string, staff };
}

describeEachEngine('operator: staff (issue 7 item 6)', (app) => {
  it('an admin invites staff by email; a read-only member can see but not change', async () => {
    const client = await operator(app());
    const { id, staff } = await inviteAndAccept(app(), client, 'les@example.no', 'read_only');
    const list = await client.get('/api/operator/staff');
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ id, email: 'les@example.no', role: 'read_only', status: 'active' }),
    );
    expect((await staff.get('/api/operator/staff')).status).toBe(200);
    expect((await staff.get('/api/operator/companies')).status).toBe(200);
    const denied = await staff.post('/api/operator/staff', {
      email: 'x@example.no',
      name: 'X',
      role: 'admin',
    });
    expect([denied.status, denied.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const taken = await client.post('/api/operator/staff', {
      email: 'LES@example.no',
      name: 'Dup',
      role: 'admin',
    });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'EMAIL_TAKEN']);
    const audit = await app().ctx.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action)).toContain('staff.invited');
  });

  it('an invitation names the role it gives, in the invitee language: a read-only member is not told they are an administrator', async () => {
    const client = await operator(app());
    const invited = await client.post('/api/operator/staff', {
      email: 'rolle@example.no',
      name: 'Rolle Leser',
      role: 'read_only',
    });
    expect(invited.status).toBe(201);
    const mail = async () =>
      (await client.get(`/api/dev/outbox?to=${encodeURIComponent('rolle@example.no')}`)).body.messages[0];
    const nb = await mail();
    expect(nb.body).toContain('Du er invitert som lesebruker (kan se, ikke endre) i operatørens bakkontor.');
    expect(nb.body).not.toContain('administrator');
    await app().ctx.db.update(users).set({ language: 'en' }).where(eq(users.id, invited.body.id));
    expect((await client.post(`/api/operator/staff/${invited.body.id}/resend-invitation`)).status).toBe(200);
    const en = await mail();
    expect(en.subject).toBe('Invitation to Bedriftsbillett');
    expect(en.body).toContain("You have been invited as a read-only user in the operator's back office.");
  });

  it('there is always one operator admin left; disabling ends the sessions at once', async () => {
    const client = await operator(app());
    const [me] = await app().ctx.db.select().from(users).where(eq(users.email, OPERATOR.email));
    const demoteSelf = await client.patch(`/api/operator/staff/${me!.id}`, { role: 'read_only' });
    expect([demoteSelf.status, demoteSelf.body.error.code]).toEqual([409, 'LAST_OPERATOR_ADMIN']);

    const { id, staff } = await inviteAndAccept(app(), client, 'sjef@example.no', 'admin');
    expect((await staff.get('/api/operator/staff')).status).toBe(200);
    const disabled = await client.patch(`/api/operator/staff/${id}`, { disabled: true });
    expect(disabled.body).toMatchObject({ id, disabled: true });
    expect((await staff.get('/api/operator/staff')).status).toBe(401);
    expect((await client.patch(`/api/operator/staff/${me!.id}`, { role: 'read_only' })).status).toBe(409);
  });

  it('an invitation not yet accepted can be sent again; once accepted it cannot', async () => {
    const client = await operator(app());
    const invited = await client.post('/api/operator/staff', {
      email: 'venter@example.no',
      name: 'Venter',
      role: 'admin',
    });
    const resent = await client.post(`/api/operator/staff/${invited.body.id}/resend-invitation`);
    expect(resent.status).toBe(200);
    const outbox = await client.get('/api/dev/outbox?to=venter@example.no');
    expect(outbox.body.messages).toHaveLength(2);
    const { id } = await inviteAndAccept(app(), client, 'ferdig@example.no', 'admin');
    expect((await client.post(`/api/operator/staff/${id}/resend-invitation`)).status).toBe(409);
  });

  it('issue 13: an inspector inspects tickets and uses nothing else of the back office, reading or writing', async () => {
    const client = await operator(app());
    const { id, staff } = await inviteAndAccept(app(), client, 'kontrollor@example.no', 'inspector');
    const list = await client.get('/api/operator/staff');
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ id, email: 'kontrollor@example.no', role: 'inspector', status: 'active' }),
    );
    expect((await staff.get('/api/auth/me')).body.user).toMatchObject({
      role: 'operator',
      operatorRole: 'inspector',
    });
    // Every back-office route of the OpenAPI document, with any method: 403 before its input is read.
    const doc = (await client.get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const backOffice = Object.entries(doc.paths).filter(([path]) => path.startsWith('/api/operator/'));
    expect(backOffice.length).toBeGreaterThan(20);
    for (const [path, methods] of backOffice) {
      const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      for (const method of Object.keys(methods)) {
        const verb = method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
        const r = await staff.request(verb, url, verb === 'GET' ? undefined : {});
        expect([`${method} ${path}`, r.status, r.body?.error?.code]).toEqual([
          `${method} ${path}`,
          403,
          'FORBIDDEN',
        ]);
      }
    }
    // Promoted to read-only, the same member sees the back office again; an admin may make anyone an inspector.
    expect((await client.patch(`/api/operator/staff/${id}`, { role: 'read_only' })).body).toMatchObject({
      role: 'read_only',
    });
    expect((await staff.get('/api/operator/staff')).status).toBe(200);
    const bad = await client.post('/api/operator/staff', {
      email: 'x@example.no',
      name: 'X',
      role: 'kontroll',
    });
    expect(bad.status).toBe(400);
  });
});
