import { expect, it } from 'vitest';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { ADMIN_PASSWORD, createCompany, orgNumber } from '../support/factories';
import { OPERATOR } from '../support/test-app';

const NEW_PASSWORD = 'a-long-new-password-42';

async function lastEmailLink(client: TestClient, to: string, path: string): Promise<string> {
  const r = await client.get(`/api/dev/outbox?to=${encodeURIComponent(to)}`);
  const body = r.body.messages.find((m: { body: string }) => m.body.includes(path))?.body as string;
  const match = new RegExp(`${path}([A-Za-z0-9_-]+)`).exec(body ?? '');
  if (!match) throw new Error(`no ${path} link to ${to}`);
  return match[1]!;
}

describeEachEngine('company onboarding: invitation, password reset, admins, audit (issue 3)', (app) => {
  async function registerViaOperator(email: string) {
    const operator = new TestClient(app().server);
    await operator.login(OPERATOR.email, OPERATOR.password);
    const r = await operator.post('/api/operator/companies', {
      orgNumber: orgNumber(),
      name: 'Sørlandet Verksted AS',
      contact: { name: 'Kari Kontakt', email },
    });
    expect(r.status).toBe(201);
    return { operator, companyId: r.body.id as string };
  }

  it('the invitation link sets a password (≥ 12 chars) and logs the contact person in; it works once', async () => {
    const email = 'kontakt-accept@bedrift.example';
    await registerViaOperator(email);
    const token = await lastEmailLink(new TestClient(app().server), email, '/bedrift/invitasjon/');
    const person = new TestClient(app().server);

    const short = await person.post(`/api/auth/invitations/${token}/accept`, { password: 'elleve-tegn' });
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('PASSWORD_TOO_SHORT');

    const ok = await person.post(`/api/auth/invitations/${token}/accept`, { password: NEW_PASSWORD });
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ email, role: 'company_admin' });
    expect((await person.get('/api/company/settings')).status).toBe(200);

    const again = await new TestClient(app().server).post(`/api/auth/invitations/${token}/accept`, {
      password: 'another-password-123',
    });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('INVITATION_INVALID');
    await new TestClient(app().server).login(email, NEW_PASSWORD);
  });

  it('an invitation expires after 7 days', async () => {
    const email = 'kontakt-expire@bedrift.example';
    await registerViaOperator(email);
    const token = await lastEmailLink(new TestClient(app().server), email, '/bedrift/invitasjon/');
    app().setNow('2027-01-22T10:05:00+01:00');
    try {
      const r = await new TestClient(app().server).post(`/api/auth/invitations/${token}/accept`, {
        password: NEW_PASSWORD,
      });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('INVITATION_INVALID');
    } finally {
      app().setNow('2027-01-15T10:00:00+01:00');
    }
  });

  it('resending the invitation sends a new link and the old one dies at once', async () => {
    const email = 'kontakt-resend@bedrift.example';
    const { operator, companyId } = await registerViaOperator(email);
    const reader = new TestClient(app().server);
    const oldToken = await lastEmailLink(reader, email, '/bedrift/invitasjon/');
    const resent = await operator.post(`/api/operator/companies/${companyId}/resend-invitation`, {});
    expect(resent.status).toBe(200);
    const newToken = await lastEmailLink(reader, email, '/bedrift/invitasjon/');
    expect(newToken).not.toBe(oldToken);
    const old = await new TestClient(app().server).post(`/api/auth/invitations/${oldToken}/accept`, {
      password: NEW_PASSWORD,
    });
    expect(old.body.error.code).toBe('INVITATION_INVALID');
    const fresh = await new TestClient(app().server).post(`/api/auth/invitations/${newToken}/accept`, {
      password: NEW_PASSWORD,
    });
    expect(fresh.status).toBe(200);
    const afterAccept = await operator.post(`/api/operator/companies/${companyId}/resend-invitation`, {});
    expect(afterAccept.status).toBe(409);
  });

  it('forgot password: always 202, an email only to a known address, link valid one hour and once', async () => {
    const { adminEmail } = await createCompany(app());
    const anonymous = new TestClient(app().server);
    const unknown = await anonymous.post('/api/auth/password-reset', { email: 'nobody@nowhere.example' });
    expect(unknown.status).toBe(202);
    expect((await anonymous.get('/api/dev/outbox?to=nobody@nowhere.example')).body.messages).toHaveLength(0);

    const known = await anonymous.post('/api/auth/password-reset', { email: adminEmail.toUpperCase() });
    expect(known.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    const token = await lastEmailLink(anonymous, adminEmail, '/bedrift/nytt-passord/');

    const reset = await new TestClient(app().server).post(`/api/auth/password-reset/${token}`, {
      password: NEW_PASSWORD,
    });
    expect(reset.status).toBe(200);
    expect(reset.body.user.email).toBe(adminEmail);
    await new TestClient(app().server).login(adminEmail, NEW_PASSWORD);
    const failed = await new TestClient(app().server).post('/api/auth/login', {
      email: adminEmail,
      password: ADMIN_PASSWORD,
    });
    expect(failed.status).toBe(401);
    const reuse = await anonymous.post(`/api/auth/password-reset/${token}`, { password: NEW_PASSWORD });
    expect(reuse.body.error.code).toBe('INVITATION_INVALID');
  });

  it('a password-reset link is dead after one hour', async () => {
    const { adminEmail } = await createCompany(app());
    const anonymous = new TestClient(app().server);
    await anonymous.post('/api/auth/password-reset', { email: adminEmail });
    const token = await lastEmailLink(anonymous, adminEmail, '/bedrift/nytt-passord/');
    app().setNow('2027-01-15T11:05:00+01:00');
    try {
      const r = await anonymous.post(`/api/auth/password-reset/${token}`, { password: NEW_PASSWORD });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('INVITATION_INVALID');
    } finally {
      app().setNow('2027-01-15T10:00:00+01:00');
    }
  });

  it('admins: invite another (email sent), list both, remove one; the last admin cannot be removed', async () => {
    const { client, admin } = await createCompany(app());
    const invited = await client.post('/api/company/admins', {
      name: 'Per Vara',
      email: 'per.vara@bedrift.example',
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ email: 'per.vara@bedrift.example', status: 'invited' });
    const token = await lastEmailLink(client, 'per.vara@bedrift.example', '/bedrift/invitasjon/');
    const per = new TestClient(app().server);
    expect((await per.post(`/api/auth/invitations/${token}/accept`, { password: NEW_PASSWORD })).status).toBe(
      200,
    );

    const list = await client.get('/api/company/admins');
    expect(list.body.items.map((a: { status: string }) => a.status)).toEqual(['active', 'active']);

    const taken = await client.post('/api/company/admins', { name: 'X', email: 'PER.VARA@bedrift.example' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('EMAIL_TAKEN');

    expect((await per.delete(`/api/company/admins/${admin.id}`)).status).toBe(204);
    expect((await client.get('/api/company/admins')).status).toBe(401);
    const last = await per.delete(`/api/company/admins/${invited.body.id}`);
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('LAST_ADMIN');
  });

  it("rule 13: the audit log shows the company's own changes, newest first, paged", async () => {
    const { client } = await createCompany(app());
    await client.patch('/api/company/settings', { selfService: 'automatic' });
    await client.post('/api/company/order-link/rotate');
    await client.post('/api/company/admins', { name: 'Ola', email: 'ola.audit@bedrift.example' });
    const page1 = await client.get('/api/company/audit?limit=2');
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((e: { action: string }) => e.action)).toEqual([
      'admin.invited',
      'company.order_link_rotated',
    ]);
    const page2 = await client.get(`/api/company/audit?limit=2&before=${page1.body.nextBefore}`);
    expect(page2.body.items[0]).toMatchObject({
      action: 'company.settings_updated',
      changes: [
        { label: 'Selvbetjening', before: 'behandles av administrator', after: 'godkjennes automatisk' },
      ],
    });
    expect(page2.body.items[0].sentence).toMatch(/ endret innstillingene$/);
  });
});
