import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { hashPassword } from '../../src/adapters/passwords';
import { rateLimitEvents, users } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import type { TestApp } from '../support/test-app';

/*
 * Issue 12 item 2: attempt counting is atomic in the database per account and per address; a
 * lockout cannot keep the owner out (a one-time sign-in link by email) and the owner is told.
 */

const PASSWORD = 'the-right-password-42';

async function makeUser(app: TestApp, role: 'operator' | 'company_admin' = 'operator') {
  const email = `guessed-${Math.random().toString(36).slice(2, 10)}@example.no`;
  await app.ctx.db.insert(users).values({
    email,
    role,
    operatorRole: role === 'operator' ? 'admin' : null,
    passwordHash: await hashPassword(PASSWORD),
  });
  return email;
}

/** A login from a given client address, without a browser session (no CSRF needed). */
async function login(app: TestApp, email: string, password: string, remoteAddress = '127.0.0.1') {
  const r = await app.server.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress,
  });
  return { status: r.statusCode, body: r.json() };
}

async function emailsTo(app: TestApp, to: string): Promise<{ subject: string; body: string }[]> {
  return (await new TestClient(app.server).get(`/api/dev/outbox?to=${encodeURIComponent(to)}`)).body.messages;
}

function linkToken(body: string): string {
  const match = /\/innloggingslenke\/([A-Za-z0-9_-]{20,})/.exec(body);
  if (!match) throw new Error(`no sign-in link in: ${body}`);
  return match[1]!;
}

describeEachEngine('issue 12 item 2: login abuse, race-free and not a weapon', (app) => {
  for (const parallel of [40, 100]) {
    it(`${parallel} parallel logins from as many addresses, the right password as request 16: at most 10 wrong passwords are checked`, async () => {
      const email = await makeUser(app());
      const results = await Promise.all(
        Array.from({ length: parallel }, (_, i) =>
          login(app(), email, i === 15 ? PASSWORD : `wrong-password-${i}`, `10.12.${parallel}.${i + 1}`),
        ),
      );
      const statuses = results.map((r) => r.status);
      const checkedWrong = statuses.filter((s) => s === 401).length;
      expect(checkedWrong).toBeLessThanOrEqual(10);
      expect(statuses.every((s) => [200, 401, 429].includes(s))).toBe(true);
      const counted = await app()
        .ctx.db.select()
        .from(rateLimitEvents)
        .where(eq(rateLimitEvents.key, `login:email:${email}`));
      expect(counted).toHaveLength(checkedWrong);
      if (checkedWrong === 10) {
        const after = await login(app(), email, PASSWORD, '10.99.0.1');
        expect([after.status, after.body.error.details.reason]).toEqual([429, 'account_locked']);
      }
    });
  }

  it('ten wrong passwords lock password login, but the owner gets in with an emailed one-time link and is told once', async () => {
    const email = await makeUser(app());
    for (let i = 0; i < 10; i++)
      expect((await login(app(), email, `wrong-${i}`, `10.20.0.${i + 1}`)).status).toBe(401);
    const locked = await login(app(), email, PASSWORD, '10.20.1.1');
    expect(locked.status).toBe(429);
    expect(locked.body.error).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      details: { reason: 'account_locked' },
    });
    for (let i = 0; i < 5; i++) await login(app(), email, `more-${i}`, `10.20.2.${i + 1}`);

    // The owner is told, once per window, without any secret in the email.
    const alerts = (await emailsTo(app(), email)).filter((m) => /prøver å logge inn/.test(m.subject));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.body).toContain('/operator/innloggingslenke');

    // The sign-in link works while password login is locked.
    const owner = new TestClient(app().server);
    expect((await owner.post('/api/auth/login-link', { email })).status).toBe(202);
    const token = linkToken((await emailsTo(app(), email))[0]!.body);
    const signedIn = await owner.post(`/api/auth/login-link/${token}`);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ email, role: 'operator' });
    expect((await owner.get('/api/auth/me')).body.user.email).toBe(email);
    // Single use.
    const again = await new TestClient(app().server).post(`/api/auth/login-link/${token}`);
    expect([again.status, again.body.error.code]).toEqual([400, 'INVITATION_INVALID']);

    // After the window, the password works again.
    app().setNow('2027-01-15T10:16:00+01:00');
    try {
      expect((await login(app(), email, PASSWORD, '10.20.3.1')).status).toBe(200);
    } finally {
      app().setNow('2027-01-15T10:00:00+01:00');
    }
  });

  it('a sign-in link is asked for with 202 whether or not the address is known, dies after 15 minutes, and an older link dies with a newer one', async () => {
    const anyone = new TestClient(app().server);
    const unknown = 'nobody-here@example.no';
    expect((await anyone.post('/api/auth/login-link', { email: unknown })).status).toBe(202);
    expect(await emailsTo(app(), unknown)).toEqual([]);

    const email = await makeUser(app(), 'company_admin');
    await anyone.post('/api/auth/login-link', { email });
    const first = linkToken((await emailsTo(app(), email))[0]!.body);
    expect((await emailsTo(app(), email))[0]!.body).toContain('/bedrift/innloggingslenke/');
    await anyone.post('/api/auth/login-link', { email });
    const second = linkToken((await emailsTo(app(), email))[0]!.body);
    expect((await new TestClient(app().server).post(`/api/auth/login-link/${first}`)).status).toBe(400);
    app().setNow('2027-01-15T10:16:00+01:00');
    try {
      expect((await new TestClient(app().server).post(`/api/auth/login-link/${second}`)).status).toBe(400);
    } finally {
      app().setNow('2027-01-15T10:00:00+01:00');
    }
  });

  it('the sign-in link route is limited per address: 20 wrong links, then 429 even for a right one', async () => {
    const email = await makeUser(app());
    const ip = '10.30.0.1';
    await app().server.inject({ method: 'POST', url: '/api/auth/login-link', payload: { email } });
    const token = linkToken((await emailsTo(app(), email))[0]!.body);
    const use = (t: string) =>
      app().server.inject({ method: 'POST', url: `/api/auth/login-link/${t}`, remoteAddress: ip });
    const wrong = await Promise.all(
      Array.from({ length: 25 }, (_, i) => use(`not-a-real-token-${i}-abcdefghijkl`)),
    );
    expect(wrong.filter((r) => r.statusCode === 400)).toHaveLength(20);
    expect(wrong.filter((r) => r.statusCode === 429)).toHaveLength(5);
    expect((await use(token)).statusCode).toBe(429);
    const elsewhere = await app().server.inject({
      method: 'POST',
      url: `/api/auth/login-link/${token}`,
      remoteAddress: '10.30.0.2',
    });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('item 7: changing the password ends every other session of the user; the one making the change stays', async () => {
    const email = await makeUser(app());
    const here = new TestClient(app().server);
    const there = new TestClient(app().server);
    await here.login(email, PASSWORD);
    await there.login(email, PASSWORD);
    const wrong = await here.post('/api/auth/password', {
      currentPassword: 'not-it-at-all',
      newPassword: 'n3w-password-long',
    });
    expect([wrong.status, wrong.body.error.code]).toEqual([400, 'PASSWORD_WRONG']);
    expect((await there.get('/api/auth/me')).status).toBe(200);
    const changed = await here.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'n3w-password-long',
    });
    expect(changed.status).toBe(204);
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await there.get('/api/auth/me')).status).toBe(401);
    expect((await login(app(), email, PASSWORD)).status).toBe(401);
    expect((await login(app(), email, 'n3w-password-long')).status).toBe(200);
  });

  it('item 7: a password reset ends every session of the user, and the reset link logs in only the one using it', async () => {
    const email = await makeUser(app());
    const old = new TestClient(app().server);
    await old.login(email, PASSWORD);
    const user = new TestClient(app().server);
    expect((await user.post('/api/auth/password-reset', { email })).status).toBe(202);
    const reset = (await emailsTo(app(), email)).find((m) => m.body.includes('/nytt-passord/'))!;
    const token = /\/nytt-passord\/([A-Za-z0-9_-]+)/.exec(reset.body)![1]!;
    expect(
      (await user.post(`/api/auth/password-reset/${token}`, { password: 'reset-password-long' })).status,
    ).toBe(200);
    expect((await old.get('/api/auth/me')).status).toBe(401);
    expect((await user.get('/api/auth/me')).body.user.email).toBe(email);
  });

  it('a disabled user gets no sign-in link', async () => {
    const email = await makeUser(app());
    await app().ctx.db.update(users).set({ disabledAt: new Date() }).where(eq(users.email, email));
    await new TestClient(app().server).post('/api/auth/login-link', { email });
    expect(await emailsTo(app(), email)).toEqual([]);
  });
});
