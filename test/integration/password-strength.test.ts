import { expect, it } from 'vitest';
import { hashPassword } from '../../src/adapters/passwords';
import { users } from '../../src/db/schema';
import { judgePassword } from '../../src/domain/password-strength';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, orgNumber } from '../support/factories';
import { OPERATOR, type TestApp } from '../support/test-app';

/*
 * Issue 12 item 6: wherever a password is set (invitation, reset, change) it must be 12–128
 * characters with a zxcvbn score of at least 3, counting the person's email and company name;
 * a refusal is a translated 400 that names the field and says why.
 */

const PASSWORD = 'the-right-password-42';

async function linkToken(app: TestApp, to: string, path: string): Promise<string> {
  const r = await new TestClient(app.server).get(`/api/dev/outbox?to=${encodeURIComponent(to)}`);
  const body = r.body.messages.find((m: { body: string }) => m.body.includes(path))?.body as string;
  const match = new RegExp(`${path}([A-Za-z0-9_-]+)`).exec(body ?? '');
  if (!match) throw new Error(`no ${path} link to ${to}`);
  return match[1]!;
}

describeEachEngine('issue 12.6: password strength wherever a password is set', (app) => {
  async function invite(email: string, name: string) {
    const operator = new TestClient(app().server);
    await operator.login(OPERATOR.email, OPERATOR.password);
    const r = await operator.post('/api/operator/companies', {
      orgNumber: orgNumber(),
      name,
      contact: { name: 'Kari Kontakt', email },
    });
    expect(r.status).toBe(201);
    return linkToken(app(), email, '/bedrift/invitasjon/');
  }

  it('accepting an invitation refuses aaaaaaaaaaaa with a 400 naming the field and the reason, in bokmål and English', async () => {
    const email = 'kari-styrke@bedrift.example';
    const token = await invite(email, 'Styrkeprøven AS');
    const person = new TestClient(app().server);
    const nb = await person.post(`/api/auth/invitations/${token}/accept`, { password: 'aaaaaaaaaaaa' });
    expect(nb.status).toBe(400);
    expect(nb.body.error.code).toBe('PASSWORD_TOO_WEAK');
    expect(nb.body.error.details).toEqual([
      expect.objectContaining({ path: 'body.password', problem: 'password_too_weak' }),
    ]);
    expect(nb.body.error.message).toBe(
      '«password» er for lett å gjette. Gjentatte tegn som «aaa» er lette å gjette. ' +
        'Legg til flere ord som er mindre vanlige. Unngå gjentatte ord og tegn.',
    );
    const en = await app().server.inject({
      method: 'POST',
      url: `/api/auth/invitations/${token}/accept`,
      headers: { 'accept-language': 'en' },
      payload: { password: 'aaaaaaaaaaaa' },
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.message).toMatch(
      /^"password" is too easy to guess\. Repeated characters like "aaa"/,
    );

    // The token survives a refused password: a strong one then works.
    const ok = await person.post(`/api/auth/invitations/${token}/accept`, {
      password: 'Blå trikk til Frogner',
    });
    expect(ok.status).toBe(200);
  });

  it("the person's own email and company name count as easy words", async () => {
    const email = 'ragnhild.solberg@fjordkraftverk.example';
    const token = await invite(email, 'Fjordkraftverk Nord AS');
    const person = new TestClient(app().server);
    for (const password of ['ragnhild.solberg', 'fjordkraftverknordas']) {
      expect(judgePassword(password).ok, `${password} alone is strong enough`).toBe(true);
      const own = await person.post(`/api/auth/invitations/${token}/accept`, { password });
      expect([own.status, own.body.error.code]).toEqual([400, 'PASSWORD_TOO_WEAK']);
      expect(own.body.error.message).toContain('e-postadressen din eller navnet på bedriften');
    }
  });

  it('more than 128 characters is refused with its own code; the schema bound stays higher so the reason is clear', async () => {
    const email = 'lang@bedrift.example';
    const token = await invite(email, 'Langt Passord AS');
    const r = await new TestClient(app().server).post(`/api/auth/invitations/${token}/accept`, {
      password: 'Blå trikk til Frogner '.repeat(6),
    });
    expect([r.status, r.body.error.code]).toEqual([400, 'PASSWORD_TOO_LONG']);
    expect(r.body.error.message).toBe('«password» kan ha høyst 128 tegn.');
  });

  it('a reset link refuses a weak password and keeps the token for a strong one', async () => {
    const { adminEmail: email } = await createCompany(app());
    const anyone = new TestClient(app().server);
    expect((await anyone.post('/api/auth/password-reset', { email })).status).toBe(202);
    const token = await linkToken(app(), email, '/nytt-passord/');
    const weak = await anyone.post(`/api/auth/password-reset/${token}`, { password: 'sommerferie2027' });
    expect([weak.status, weak.body.error.code]).toEqual([400, 'PASSWORD_TOO_WEAK']);
    expect(weak.body.error.details[0].path).toBe('body.password');
    const strong = await anyone.post(`/api/auth/password-reset/${token}`, {
      password: 'grønn trikk, gul buss',
    });
    expect(strong.status).toBe(200);
  });

  it('changing one’s password names body.newPassword, before the current password is even checked', async () => {
    const email = `endre-${orgNumber()}@example.no`;
    await app()
      .ctx.db.insert(users)
      .values({
        email,
        role: 'operator',
        operatorRole: 'admin',
        passwordHash: await hashPassword(PASSWORD),
      });
    const me = new TestClient(app().server);
    await me.login(email, PASSWORD);
    const weak = await me.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'aaaaaaaaaaaa',
    });
    expect([weak.status, weak.body.error.code]).toEqual([400, 'PASSWORD_TOO_WEAK']);
    expect(weak.body.error.details[0].path).toBe('body.newPassword');
    expect(weak.body.error.message).toMatch(/^«newPassword» er for lett å gjette\./);
    const short = await me.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'kort' });
    expect([short.status, short.body.error.code]).toEqual([400, 'PASSWORD_TOO_SHORT']);
    expect(short.body.error.message).toBe('«newPassword» må ha minst 12 tegn.');
    const changed = await me.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'blå trikk, grønn buss',
    });
    expect(changed.status).toBe(204);
  });
});
