import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { verificationCodes } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { mobile } from '../support/factories';
import { codeIn, freshIp, latestSms, orderingCompany } from './employee-support';

const NOW = '2027-01-15T10:00:00+01:00';

describeEachEngine('employee login by SMS code (rule 4)', (app) => {
  async function send(client: TestClient, token: string, phone: string, ip = freshIp()) {
    return client.post(`/api/order/${token}/otp`, { phone }, { 'x-forwarded-for': ip });
  }
  const verify = (client: TestClient, token: string, phone: string, code: string) =>
    client.post(`/api/order/${token}/otp/verify`, { phone, code });
  // The test clock keeps running (slowly, under load), so moves are relative to its current time.
  const advance = (ms: number) => app().setNow(new Date(app().clock.now().getTime() + ms).toISOString());
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  /** The code in the newest SMS to a number (given without +47). */
  const lastCode = async (phone: string) => codeIn(await latestSms(app(), `+47${phone}`));
  /** At NOW: a company taking orders, a client that asked it for a code for a fresh number, and the code. */
  async function codeSent() {
    app().setNow(NOW);
    const { company } = await orderingCompany(app());
    const client = new TestClient(app().server);
    const phone = mobile();
    const sent = await send(client, company.orderToken, phone);
    return { company, client, phone, sent, code: await lastCode(phone) };
  }

  it('a valid number gets a 6-digit code by SMS, stored only as a hash, and the code starts an employee session', async () => {
    app().setNow(NOW);
    const { company } = await orderingCompany(app());
    const client = new TestClient(app().server);
    const phone = mobile();
    const sent = await send(client, company.orderToken, phone);
    expect(sent.status).toBe(202);
    const body = await latestSms(app(), `+47${phone}`);
    const code = codeIn(body);
    expect(body).toContain(company.name);
    const [stored] = await app()
      .ctx.db.select()
      .from(verificationCodes)
      .where(eq(verificationCodes.companyId, company.id));
    expect(stored!.codeHash).not.toContain(code);
    expect(stored!.codeHash).toMatch(/^[0-9a-f]{64}$/);

    expect((await client.get('/api/me')).status).toBe(401);
    const ok = await verify(client, company.orderToken, `+47 ${phone}`, code);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ phone: `+47${phone}`, company: { id: company.id, name: company.name } });
    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ phone: `+47${phone}`, company: { id: company.id } });
  });

  it('an invalid or landline number is 400 PHONE_INVALID with a translated message, and nothing is sent', async () => {
    const { company } = await orderingCompany(app());
    const client = new TestClient(app().server);
    for (const phone of ['123', '37 00 00 00', 'abc']) {
      const r = await send(client, company.orderToken, phone);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('PHONE_INVALID');
      expect(r.body.error.message).toMatch(/mobilnummer/);
    }
    expect(
      await app().ctx.db.select().from(verificationCodes).where(eq(verificationCodes.companyId, company.id)),
    ).toHaveLength(0);
  });

  it('a code expires after 10 minutes: 400 OTP_EXPIRED with the clock moved', async () => {
    const { company, client, phone, sent, code } = await codeSent();
    expect(new Date(sent.body.expiresAt).getTime() - app().clock.now().getTime()).toBeLessThanOrEqual(
      10 * 60_000,
    );
    app().setNow(new Date(new Date(sent.body.expiresAt).getTime() + 1000).toISOString());
    const r = await verify(client, company.orderToken, phone, code);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('OTP_EXPIRED');
  });

  it('a code still works just before 10 minutes', async () => {
    const { company, client, phone, sent, code } = await codeSent();
    app().setNow(new Date(new Date(sent.body.expiresAt).getTime() - 10_000).toISOString());
    expect((await verify(client, company.orderToken, phone, code)).status).toBe(200);
  });

  it('a code is single use: the second use is 400 OTP_EXPIRED', async () => {
    const { company, phone, code } = await codeSent();
    expect((await verify(new TestClient(app().server), company.orderToken, phone, code)).status).toBe(200);
    const again = await verify(new TestClient(app().server), company.orderToken, phone, code);
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('OTP_EXPIRED');
  });

  it('5 wrong tries kill the code: 4 × 400 OTP_INVALID, then 429 OTP_LOCKED, and the right code no longer works', async () => {
    const { company, client, phone, code } = await codeSent();
    for (let i = 1; i <= 4; i++) {
      const r = await verify(client, company.orderToken, phone, wrong(code));
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'OTP_INVALID', details: { attemptsLeft: 5 - i } });
    }
    const fifth = await verify(client, company.orderToken, phone, wrong(code));
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.code).toBe('OTP_LOCKED');
    const right = await verify(client, company.orderToken, phone, code);
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('OTP_LOCKED');
  });

  it('only the newest code works: a resend (after the 30 s wait) makes the first code useless', async () => {
    const { company, client, phone, code: first } = await codeSent();
    advance(31_000);
    expect((await send(client, company.orderToken, phone)).status).toBe(202);
    const second = await lastCode(phone);
    if (first !== second) {
      const old = await verify(client, company.orderToken, phone, first);
      expect(old.status).toBe(400);
      expect(old.body.error.code).toBe('OTP_INVALID');
    }
    expect((await verify(client, company.orderToken, phone, second)).status).toBe(200);
  });

  it('a code is bound to its company: the same phone cannot use it at another company link', async () => {
    app().setNow(NOW);
    const a = await orderingCompany(app());
    const b = await orderingCompany(app());
    const phone = mobile();
    await send(new TestClient(app().server), a.company.orderToken, phone);
    const code = await lastCode(phone);
    const r = await verify(new TestClient(app().server), b.company.orderToken, phone, code);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('OTP_EXPIRED');
  });

  it('a resend within 30 s is 429 with retry-after', async () => {
    app().setNow(NOW);
    const { company } = await orderingCompany(app());
    const client = new TestClient(app().server);
    const phone = mobile();
    await send(client, company.orderToken, phone);
    advance(10_000);
    const r = await send(client, company.orderToken, phone);
    expect(r.status).toBe(429);
    expect(r.body.error.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(15);
    expect(Number(r.headers['retry-after'])).toBeLessThanOrEqual(20);
  });

  it('at most 5 sends per number per hour, across IPs: the 6th is 429 with retry-after until the oldest leaves the hour', async () => {
    app().setNow(NOW);
    const { company } = await orderingCompany(app());
    const client = new TestClient(app().server);
    const phone = mobile();
    const firstSend = app().clock.now().getTime();
    for (let i = 0; i < 5; i++) {
      expect((await send(client, company.orderToken, phone)).status).toBe(202);
      advance(60_000);
    }
    advance(5 * 60_000);
    const sixth = await send(client, company.orderToken, phone);
    expect(sixth.status).toBe(429);
    const freesAt = firstSend + 60 * 60_000;
    const expected = (freesAt - app().clock.now().getTime()) / 1000;
    expect(Math.abs(Number(sixth.headers['retry-after']) - expected)).toBeLessThanOrEqual(5);
    app().setNow(new Date(freesAt + 10_000).toISOString());
    expect((await send(client, company.orderToken, phone)).status).toBe(202);
  });

  it('at most 20 sends per IP per hour, across numbers', async () => {
    app().setNow(NOW);
    const { company } = await orderingCompany(app());
    const client = new TestClient(app().server);
    const ip = freshIp();
    for (let i = 0; i < 20; i++)
      expect((await send(client, company.orderToken, mobile(), ip)).status).toBe(202);
    const r = await send(client, company.orderToken, mobile(), ip);
    expect(r.status).toBe(429);
    expect(r.body.error.code).toBe('TOO_MANY_REQUESTS');
    expect(r.headers['retry-after']).toBeDefined();
    expect((await send(client, company.orderToken, mobile())).status).toBe(202);
  });

  it('login never reveals whether a number is known: an employee with a subscription and a stranger get the same answer', async () => {
    app().setNow(NOW);
    const { company } = await orderingCompany(app());
    const known = mobile();
    const { createSubscription } = await import('../support/factories');
    await createSubscription(app(), { companyId: company.id, phone: known, startDate: '2027-02-01' });
    const a = await send(new TestClient(app().server), company.orderToken, known);
    const b = await send(new TestClient(app().server), company.orderToken, mobile());
    expect(a.status).toBe(b.status);
    expect(Object.keys(a.body)).toEqual(Object.keys(b.body));
  });

  it('an unknown order link is 404 ORDER_LINK_INVALID; disabled self-service is 403 SELF_SERVICE_DISABLED', async () => {
    const unknown = await send(new TestClient(app().server), 'no-such-token', mobile());
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('ORDER_LINK_INVALID');
    const { company } = await orderingCompany(app(), { selfService: 'disabled' });
    const disabled = await send(new TestClient(app().server), company.orderToken, mobile());
    expect(disabled.status).toBe(403);
    expect(disabled.body.error.code).toBe('SELF_SERVICE_DISABLED');
  });
});
