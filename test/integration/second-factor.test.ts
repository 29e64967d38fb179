import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { hashPassword } from '../../src/adapters/passwords';
import { sha256 } from '../../src/adapters/tokens';
import { totpCodeAt } from '../../src/adapters/totp';
import { saveSecuritySettings } from '../../src/db/repositories/second-factor';
import { auditLog, recoveryCodes, users } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { ADMIN_PASSWORD, createCompany } from '../support/factories';
import { OPERATOR, type TestApp } from '../support/test-app';

/*
 * Issue 12 item 6: operator staff and company admins can add a TOTP second factor with recovery
 * codes; then every way in (password, emailed link) stops at a session that can only give the
 * code; the operator can require a second factor for all staff and/or all company admins.
 */

const STAFF_PASSWORD = 'the-right-password-42';

/** Moves the product's clock by `seconds` (TOTP steps are 30 s). */
function tick(app: TestApp, seconds: number) {
  app.setNow(new Date(app.ctx.clock.now().getTime() + seconds * 1000).toISOString());
}

/** Adds an authenticator app for the client's user; returns its secret and recovery codes. */
async function enrol(app: TestApp, client: TestClient) {
  const setup = await client.post('/api/auth/second-factor/totp/setup');
  expect(setup.status).toBe(200);
  const secret = setup.body.secret as string;
  const confirm = await client.post('/api/auth/second-factor/totp/confirm', {
    code: await totpCodeAt(secret, app.ctx.clock.now()),
  });
  expect(confirm.status).toBe(200);
  return { secret, recoveryCodes: confirm.body.recoveryCodes as string[] };
}

async function makeStaff(app: TestApp, operatorRole: 'admin' | 'read_only' = 'admin') {
  const email = `staff-${Math.random().toString(36).slice(2, 10)}@example.no`;
  await app.ctx.db
    .insert(users)
    .values({ email, role: 'operator', operatorRole, passwordHash: await hashPassword(STAFF_PASSWORD) });
  return email;
}

describeEachEngine('issue 12.6: TOTP second factor with recovery codes', (app) => {
  it('enrolment shows the secret as text, otpauth URI and SVG QR code, needs a right code, and gives ten recovery codes stored only hashed', async () => {
    const { client, adminEmail } = await createCompany(app());
    const setup = await client.post('/api/auth/second-factor/totp/setup');
    expect(setup.status).toBe(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.uri).toMatch(/^otpauth:\/\/totp\/Bedriftsbillett:/);
    expect(setup.body.uri).toContain(`secret=${setup.body.secret}`);
    expect(setup.body.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);

    const [stored] = await app().ctx.db.select().from(users).where(eq(users.email, adminEmail));
    expect(stored!.totpSecret).not.toContain(setup.body.secret);
    expect(stored!.totpEnabledAt).toBeNull();

    const wrong = await client.post('/api/auth/second-factor/totp/confirm', { code: '000000' });
    expect([wrong.status, wrong.body.error.code]).toEqual([400, 'SECOND_FACTOR_INVALID']);
    expect(wrong.body.error.details[0].path).toBe('body.code');
    expect(wrong.body.error.message).toBe('«code»: koden er feil eller allerede brukt.');

    const code = await totpCodeAt(setup.body.secret, app().ctx.clock.now());
    const ok = await client.post('/api/auth/second-factor/totp/confirm', { code });
    expect(ok.status).toBe(200);
    const codes = ok.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);

    const rows = await app().ctx.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, stored!.id));
    expect(rows.map((r) => r.codeHash).sort()).toEqual(codes.map(sha256).sort());
    expect((await client.get('/api/auth/second-factor')).body).toEqual({
      totpEnabled: true,
      passkeys: 0,
      recoveryCodesLeft: 10,
      required: false,
    });
    // A confirmed app is not replaced by starting again.
    expect((await client.post('/api/auth/second-factor/totp/setup')).status).toBe(409);
    const audit = await app().ctx.db.select().from(auditLog).where(eq(auditLog.entityId, stored!.id));
    expect(audit.map((a) => a.action)).toContain('user.second_factor_enabled');
  });

  it('then login stops at a session that can do nothing but give the code; a code is accepted once', async () => {
    const { client, adminEmail } = await createCompany(app());
    const { secret } = await enrol(app(), client);
    tick(app(), 30);

    const person = new TestClient(app().server);
    const login = await person.post('/api/auth/login', { email: adminEmail, password: ADMIN_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ secondFactor: 'second_factor', csrfToken: expect.any(String) });

    expect((await person.get('/api/auth/me')).status).toBe(401);
    expect((await person.get('/api/company/settings')).status).toBe(401);
    expect((await person.get('/api/company/subscriptions')).status).toBe(401);
    expect((await person.post('/api/auth/second-factor/totp/setup')).status).toBe(401);
    expect(
      (
        await person.post('/api/auth/password', {
          currentPassword: ADMIN_PASSWORD,
          newPassword: 'grønn trikk, gul buss',
        })
      ).status,
    ).toBe(401);

    const code = await totpCodeAt(secret, app().ctx.clock.now());
    const ok = await person.post('/api/auth/second-factor/verify', { code });
    expect(ok.status).toBe(200);
    expect(ok.body.user.email).toBe(adminEmail);
    expect((await person.get('/api/company/settings')).status).toBe(200);

    // The same code again (same time step) does not open another session.
    const again = new TestClient(app().server);
    await again.post('/api/auth/login', { email: adminEmail, password: ADMIN_PASSWORD });
    const replay = await again.post('/api/auth/second-factor/verify', { code });
    expect([replay.status, replay.body.error.code]).toEqual([400, 'SECOND_FACTOR_INVALID']);
    expect((await again.get('/api/company/settings')).status).toBe(401);
  });

  it('the emailed sign-in link and a password reset also stop at the second step (no way around it)', async () => {
    const { client, adminEmail } = await createCompany(app());
    await enrol(app(), client);
    const person = new TestClient(app().server);
    expect((await person.post('/api/auth/login-link', { email: adminEmail })).status).toBe(202);
    const outbox = (await person.get(`/api/dev/outbox?to=${encodeURIComponent(adminEmail)}`)).body
      .messages as {
      body: string;
    }[];
    const token = outbox.map((m) => /\/innloggingslenke\/([A-Za-z0-9_-]+)/.exec(m.body)?.[1]).find(Boolean);
    const viaLink = await person.post(`/api/auth/login-link/${token}`);
    expect(viaLink.body).toEqual({ secondFactor: 'second_factor', csrfToken: expect.any(String) });
    expect((await person.get('/api/company/settings')).status).toBe(401);

    expect((await person.post('/api/auth/password-reset', { email: adminEmail })).status).toBe(202);
    const mails = (await person.get(`/api/dev/outbox?to=${encodeURIComponent(adminEmail)}`)).body
      .messages as {
      body: string;
    }[];
    const reset = mails.map((m) => /\/nytt-passord\/([A-Za-z0-9_-]+)/.exec(m.body)?.[1]).find(Boolean);
    const viaReset = await person.post(`/api/auth/password-reset/${reset}`, {
      password: 'grønn trikk, gul buss',
    });
    expect(viaReset.status).toBe(200);
    expect(viaReset.body.user).toBeUndefined();
    expect(viaReset.body.secondFactor).toBe('second_factor');
    expect((await person.get('/api/company/settings')).status).toBe(401);
  });

  it('a recovery code signs in once; used again it is refused; its use is audited with the number left', async () => {
    const { client, adminEmail } = await createCompany(app());
    const { recoveryCodes: codes } = await enrol(app(), client);
    const first = new TestClient(app().server);
    await first.post('/api/auth/login', { email: adminEmail, password: ADMIN_PASSWORD });
    const typed = codes[3]!.toUpperCase().replace('-', ' ');
    const ok = await first.post('/api/auth/second-factor/verify', { recoveryCode: typed });
    expect(ok.status).toBe(200);
    expect((await first.get('/api/auth/second-factor')).body.recoveryCodesLeft).toBe(9);

    const second = new TestClient(app().server);
    await second.post('/api/auth/login', { email: adminEmail, password: ADMIN_PASSWORD });
    const reuse = await second.post('/api/auth/second-factor/verify', { recoveryCode: codes[3] });
    expect([reuse.status, reuse.body.error.code]).toEqual([400, 'SECOND_FACTOR_INVALID']);
    expect(reuse.body.error.details[0].path).toBe('body.recoveryCode');
    const [user] = await app().ctx.db.select().from(users).where(eq(users.email, adminEmail));
    const audit = await app().ctx.db.select().from(auditLog).where(eq(auditLog.entityId, user!.id));
    expect(audit.find((a) => a.action === 'user.recovery_code_used')?.after).toEqual({
      recoveryCodesLeft: 9,
    });
  });

  it('code checks are throttled: after 5 wrong codes even the right one gets 429, whatever the parallelism', async () => {
    const { client, adminEmail } = await createCompany(app());
    const { secret } = await enrol(app(), client);
    tick(app(), 60);
    const person = new TestClient(app().server);
    await person.post('/api/auth/login', { email: adminEmail, password: ADMIN_PASSWORD });
    const wrong = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        person.post('/api/auth/second-factor/verify', { code: String(100000 + i) }),
      ),
    );
    expect(wrong.filter((r) => r.status === 400)).toHaveLength(5);
    expect(wrong.filter((r) => r.status === 429)).toHaveLength(7);
    const right = await person.post('/api/auth/second-factor/verify', {
      code: await totpCodeAt(secret, app().ctx.clock.now()),
    });
    expect([right.status, right.body.error.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
  });

  it('a session waiting for the second factor ends after ten minutes', async () => {
    const { client, adminEmail } = await createCompany(app());
    const { secret } = await enrol(app(), client);
    const person = new TestClient(app().server);
    await person.post('/api/auth/login', { email: adminEmail, password: ADMIN_PASSWORD });
    tick(app(), 11 * 60);
    const late = await person.post('/api/auth/second-factor/verify', {
      code: await totpCodeAt(secret, app().ctx.clock.now()),
    });
    expect(late.status).toBe(401);
  });

  it('the operator can require a second factor for all staff and/or all company admins; read-only staff cannot', async () => {
    const operator = new TestClient(app().server);
    await operator.login(OPERATOR.email, OPERATOR.password);
    const readOnlyEmail = await makeStaff(app(), 'read_only');
    const readOnly = new TestClient(app().server);
    await readOnly.login(readOnlyEmail, STAFF_PASSWORD);
    expect(
      (await readOnly.patch('/api/operator/security-settings', { requireSecondFactorStaff: true })).status,
    ).toBe(403);
    const set = await operator.patch('/api/operator/security-settings', { requireSecondFactorStaff: true });
    expect(set.body).toEqual({ requireSecondFactorStaff: true, requireSecondFactorAdmins: false });
    try {
      // A session open before the rule loses its power at once: it may only enrol (hostile check).
      expect((await readOnly.get('/api/operator/companies')).status).toBe(401);
      expect((await readOnly.get('/api/auth/second-factor')).body).toMatchObject({ required: true });
      // The admin who made the change keeps their own session until the next sign-in.
      expect((await operator.get('/api/operator/companies')).status).toBe(200);
      // Staff without one must enrol before anything else.
      const staffEmail = await makeStaff(app());
      const staff = new TestClient(app().server);
      const login = await staff.post('/api/auth/login', { email: staffEmail, password: STAFF_PASSWORD });
      expect(login.body).toEqual({ secondFactor: 'enrol_second_factor', csrfToken: expect.any(String) });
      expect((await staff.get('/api/operator/companies')).status).toBe(401);
      expect((await staff.post('/api/auth/second-factor/verify', { code: '123456' })).status).toBe(401);
      expect((await staff.get('/api/auth/second-factor')).body).toMatchObject({
        totpEnabled: false,
        required: true,
      });
      const setup = await staff.post('/api/auth/second-factor/totp/setup');
      const confirm = await staff.post('/api/auth/second-factor/totp/confirm', {
        code: await totpCodeAt(setup.body.secret, app().ctx.clock.now()),
      });
      expect(confirm.status).toBe(200);
      expect(confirm.body.user.email).toBe(staffEmail);
      expect(confirm.body.recoveryCodes).toHaveLength(10);
      expect((await staff.get('/api/operator/companies')).status).toBe(200);

      // Company admins are not asked until the operator says so.
      const { adminEmail } = await createCompany(app());
      const admin = new TestClient(app().server);
      expect(
        (await admin.post('/api/auth/login', { email: adminEmail, password: ADMIN_PASSWORD })).body.user,
      ).toBeDefined();
      await operator.patch('/api/operator/security-settings', { requireSecondFactorAdmins: true });
      expect((await admin.get('/api/company/subscriptions')).status).toBe(401);
      const asked = await new TestClient(app().server).post('/api/auth/login', {
        email: adminEmail,
        password: ADMIN_PASSWORD,
      });
      expect(asked.body.secondFactor).toBe('enrol_second_factor');
      expect((await operator.get('/api/operator/security-settings')).body).toEqual({
        requireSecondFactorStaff: true,
        requireSecondFactorAdmins: true,
      });
    } finally {
      // The operator account of this suite has no second factor: give the rule back.
      await saveSecuritySettings(
        app().ctx.db,
        { requireSecondFactorStaff: false, requireSecondFactorAdmins: false },
        app().ctx.clock.now(),
      );
    }
  });
});
