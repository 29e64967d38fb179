import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditLog, passkeys, users } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { ADMIN_PASSWORD, createCompany } from '../support/factories';
import { SoftPasskey } from '../support/soft-passkey';
import type { TestApp } from '../support/test-app';

/*
 * Issue 12 item 6: operator staff and company admins can add a passkey (WebAuthn); it is a second
 * factor, and a passkey alone can be the login. The server's real checks run against a software
 * authenticator here (test/support/soft-passkey.ts) and Chromium's virtual one in the browser test.
 */

async function addPasskey(app: TestApp, client: TestClient) {
  const passkey = new SoftPasskey(app.ctx.config.publicUrl);
  const options = (await client.post('/api/auth/passkeys/registration-options')).body.options;
  const added = await client.post('/api/auth/passkeys', { response: passkey.create(options) });
  expect(added.status).toBe(200);
  return { passkey, recoveryCodes: added.body.recoveryCodes as string[] };
}

async function passkeyLogin(client: TestClient, passkey: SoftPasskey, overrides: { origin?: string } = {}) {
  const options = (await client.post('/api/auth/passkeys/authentication-options')).body.options;
  return client.post('/api/auth/passkeys/authenticate', { response: passkey.get(options, overrides) });
}

describeEachEngine('issue 12.6: passkeys', (app) => {
  it('an admin adds a passkey (user verification required, discoverable) and then signs in with the passkey alone', async () => {
    const { client, adminEmail } = await createCompany(app());
    const options = (await client.post('/api/auth/passkeys/registration-options')).body.options;
    expect(options.rp).toEqual({ name: 'Bedriftsbillett', id: new URL(app().ctx.config.publicUrl).hostname });
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: 'required',
      userVerification: 'required',
    });
    expect(options.user.name).toBe(adminEmail);
    const passkey = new SoftPasskey(app().ctx.config.publicUrl);
    const added = await client.post('/api/auth/passkeys', { response: passkey.create(options) });
    expect(added.status).toBe(200);
    expect(added.body.recoveryCodes).toHaveLength(10);
    expect((await client.get('/api/auth/second-factor')).body).toMatchObject({
      passkeys: 1,
      recoveryCodesLeft: 10,
    });

    const device = new TestClient(app().server);
    const signedIn = await passkeyLogin(device, passkey);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.email).toBe(adminEmail);
    expect((await device.get('/api/company/settings')).status).toBe(200);
    const [user] = await app().ctx.db.select().from(users).where(eq(users.email, adminEmail));
    const [stored] = await app().ctx.db.select().from(passkeys).where(eq(passkeys.userId, user!.id));
    expect(stored).toMatchObject({ credentialId: passkey.id, counter: 1 });
    const audit = await app().ctx.db.select().from(auditLog).where(eq(auditLog.entityId, user!.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['user.passkey_added', 'user.passkey_login']),
    );
  });

  it('with a passkey, a password login stops at the second step, and the passkey (only the person’s own) passes it', async () => {
    const { client, adminEmail } = await createCompany(app());
    const { passkey } = await addPasskey(app(), client);
    const other = await createCompany(app());
    const { passkey: othersPasskey } = await addPasskey(app(), other.client);

    const person = new TestClient(app().server);
    const login = await person.post('/api/auth/login', { email: adminEmail, password: ADMIN_PASSWORD });
    expect(login.body).toEqual({ secondFactor: 'second_factor', csrfToken: expect.any(String) });
    expect((await person.get('/api/company/settings')).status).toBe(401);

    const options = (await person.post('/api/auth/passkeys/authentication-options')).body.options;
    expect(options.allowCredentials).toEqual([expect.objectContaining({ id: passkey.id })]);
    const wrongPerson = await person.post('/api/auth/passkeys/authenticate', {
      response: othersPasskey.get(options),
    });
    expect([wrongPerson.status, wrongPerson.body.error.code]).toEqual([400, 'PASSKEY_INVALID']);
    expect((await person.get('/api/company/settings')).status).toBe(401);

    const ok = await passkeyLogin(person, passkey);
    expect(ok.status).toBe(200);
    expect(ok.body.user.email).toBe(adminEmail);
    expect((await person.get('/api/company/settings')).status).toBe(200);
  });

  it('a challenge is ours, for its purpose and used once; another origin or an unknown passkey is refused', async () => {
    const { client } = await createCompany(app());
    const { passkey } = await addPasskey(app(), client);
    const device = new TestClient(app().server);

    const options = (await device.post('/api/auth/passkeys/authentication-options')).body.options;
    const answer = passkey.get(options);
    expect((await device.post('/api/auth/passkeys/authenticate', { response: answer })).status).toBe(200);
    const replay = await new TestClient(app().server).post('/api/auth/passkeys/authenticate', {
      response: answer,
    });
    expect([replay.status, replay.body.error.code]).toEqual([400, 'PASSKEY_INVALID']);
    expect(replay.body.error.details[0].path).toBe('body.response');

    const refused = (r: { status: number; body: { error?: { code: string } } }) => [
      r.status,
      r.body.error?.code,
    ];
    const phishing = await passkeyLogin(new TestClient(app().server), passkey, {
      origin: 'https://bedriftsbillett.example.com',
    });
    expect(refused(phishing)).toEqual([400, 'PASSKEY_INVALID']);

    const madeUp = passkey.get({ challenge: 'bm90LW91ci1jaGFsbGVuZ2U', rpId: 'localhost' });
    const notOurs = await new TestClient(app().server).post('/api/auth/passkeys/authenticate', {
      response: madeUp,
    });
    expect(refused(notOurs)).toEqual([400, 'PASSKEY_INVALID']);

    const stranger = new SoftPasskey(app().ctx.config.publicUrl);
    expect(refused(await passkeyLogin(new TestClient(app().server), stranger))).toEqual([
      400,
      'PASSKEY_INVALID',
    ]);

    // A registration challenge does not sign anyone in.
    const regOptions = (await client.post('/api/auth/passkeys/registration-options')).body.options;
    const crossed = passkey.get({ challenge: regOptions.challenge, rpId: regOptions.rp.id });
    const viaRegistration = await new TestClient(app().server).post('/api/auth/passkeys/authenticate', {
      response: crossed,
    });
    expect(refused(viaRegistration)).toEqual([400, 'PASSKEY_INVALID']);
  });

  it('failed passkey uses are limited per address: past 20 in 15 minutes even a good one gets 429', async () => {
    app().setNow('2027-01-16T10:00:00+01:00');
    const { client } = await createCompany(app());
    const { passkey } = await addPasskey(app(), client);
    const stranger = new SoftPasskey(app().ctx.config.publicUrl);
    const results = [];
    for (let i = 0; i < 20; i++)
      results.push((await passkeyLogin(new TestClient(app().server), stranger)).body.error.code);
    expect(results.every((code) => code === 'PASSKEY_INVALID')).toBe(true);
    const good = await passkeyLogin(new TestClient(app().server), passkey);
    expect([good.status, good.body.error.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
  });
});
