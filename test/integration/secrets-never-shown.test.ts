import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { hashPassword } from '../../src/adapters/passwords';
import { OutboxTransport } from '../../src/adapters/sms/outbox';
import { messageSealer, queueMessage, SECRET_ELIDED } from '../../src/app/messages';
import type { MessageTransport } from '../../src/app/ports';
import { messages, users } from '../../src/db/schema';
import { sendMessage } from '../../src/jobs/send-message';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, mobile } from '../support/factories';
import { OPERATOR, type TestApp } from '../support/test-app';
import { codeIn, freshIp } from './employee-support';

/*
 * Issue 12 item 1: no person, whatever role, reads a login code or a link's token after it is
 * sent; the log shows that it was sent, to whom and its state. A resend makes a new secret.
 */

const READ_ONLY = { email: 'secrets-readonly@example.no', password: 'read-only-password-1' };

async function readOnlyStaff(app: TestApp) {
  const [existing] = await app.ctx.db.select().from(users).where(eq(users.email, READ_ONLY.email));
  if (!existing) {
    await app.ctx.db.insert(users).values({
      email: READ_ONLY.email,
      role: 'operator',
      operatorRole: 'read_only',
      passwordHash: await hashPassword(READ_ONLY.password),
    });
  }
  const client = new TestClient(app.server);
  await client.login(READ_ONLY.email, READ_ONLY.password);
  return client;
}

async function operatorAdmin(app: TestApp) {
  const client = new TestClient(app.server);
  await client.login(OPERATOR.email, OPERATOR.password);
  return client;
}

/** What the recipient got (the development outbox is their phone and mailbox), newest first. */
async function outbox(app: TestApp, to: string): Promise<{ subject: string; body: string }[]> {
  const r = await new TestClient(app.server).get(`/api/dev/outbox?to=${encodeURIComponent(to)}`);
  return r.body.messages;
}

const LINK_TOKEN = /\/(?:invitasjon|nytt-passord|billett|innloggingslenke)\/([A-Za-z0-9_-]{20,})/g;

function linkTokens(text: string): string[] {
  return [...new Set([...text.matchAll(LINK_TOKEN)].map((m) => m[1]!))];
}

/** Every kind of secret message, queued the way a person causes it; returns each secret. */
async function causeEverySecretMessage(app: TestApp) {
  const secrets: string[] = [];
  const anyone = new TestClient(app.server);
  // A reset link for the operator admin (the reproduction).
  expect((await anyone.post('/api/auth/password-reset', { email: OPERATOR.email })).status).toBe(202);
  secrets.push(...linkTokens((await outbox(app, OPERATOR.email))[0]!.body));
  // A company: its contact person's invitation; an SMS login code; a ticket link.
  const { company, client: admin } = await createCompany(app, { selfService: 'manual' });
  const [contact] = await app.ctx.db.select().from(users).where(eq(users.companyId, company.id));
  secrets.push(...linkTokens((await outbox(app, contact!.email))[0]!.body));
  const link = await admin.get('/api/company/order-link');
  const orderToken = String(link.body.url).split('/bestill/')[1]!;
  const phone = mobile();
  const sent = await anyone.post(`/api/order/${orderToken}/otp`, { phone }, { 'x-forwarded-for': freshIp() });
  expect(sent.status).toBe(202);
  const e164 = `+47${phone}`;
  secrets.push(codeIn((await outbox(app, e164))[0]!.body));
  const ticketPhone = mobile();
  const created = await admin.post('/api/company/subscriptions', {
    firstName: 'Kari',
    lastName: 'Nordmann',
    phone: ticketPhone,
    zoneIds: ['kristiansand'],
    categoryId: 'voksen',
  });
  expect(created.status).toBe(201);
  secrets.push(...linkTokens((await outbox(app, `+47${ticketPhone}`))[0]!.body));
  // A staff invitation.
  const staffEmail = `staff-${Math.random().toString(36).slice(2, 8)}@example.no`;
  const operator = await operatorAdmin(app);
  expect(
    (await operator.post('/api/operator/staff', { email: staffEmail, name: 'Ny', role: 'admin' })).status,
  ).toBe(201);
  secrets.push(...linkTokens((await outbox(app, staffEmail))[0]!.body));
  expect(secrets).toHaveLength(5);
  return { secrets, phone: e164, ticketPhone: `+47${ticketPhone}`, staffEmail, orderToken, admin };
}

describeEachEngine('issue 12 item 1: secrets are never shown after they are sent', (app) => {
  it('no operator, read-only or admin, reads a login code or a link token in the message log or its search', async () => {
    const { secrets, phone } = await causeEverySecretMessage(app());
    for (const client of [await readOnlyStaff(app()), await operatorAdmin(app())]) {
      const all = await client.get('/api/operator/messages?limit=200');
      expect(all.status).toBe(200);
      for (const secret of secrets) expect(all.text).not.toContain(secret);
      const searched = await client.get(`/api/operator/messages?q=${encodeURIComponent(phone)}`);
      expect(searched.body.items[0]).toMatchObject({ to: phone, kind: 'login_code', status: 'queued' });
      expect(searched.body.items[0].body).toContain(SECRET_ELIDED);
      for (const secret of secrets) expect(searched.text).not.toContain(secret);
    }
    // Nor is it stored readable: the table holds the elided text and a sealed copy only.
    const rows = await app().ctx.db.select().from(messages);
    const stored = JSON.stringify(rows);
    for (const secret of secrets) expect(stored).not.toContain(secret);
  });

  it('the reproduction fails: a read-only user finds no reset link to use', async () => {
    await new TestClient(app().server).post('/api/auth/password-reset', { email: OPERATOR.email });
    const readOnly = await readOnlyStaff(app());
    const log = await readOnly.get(`/api/operator/messages?q=${encodeURIComponent(OPERATOR.email)}`);
    const reset = log.body.items.find((m: { kind: string }) => m.kind === 'password_reset');
    expect(reset).toMatchObject({ to: OPERATOR.email, channel: 'email' });
    expect(linkTokens(reset.body)).toEqual([]);
    expect(reset.body).toContain(`/bedrift/nytt-passord/${SECRET_ELIDED}`);
  });

  it('the development outbox, the simulated phone and mailbox, still shows the whole text', async () => {
    const { secrets, phone } = await causeEverySecretMessage(app());
    const sms = await outbox(app(), phone);
    expect(sms[0]!.body).toContain(secrets[2]);
  });

  it('delivery hands the whole text to the transport and keeps no readable copy; a failure reason never repeats the secret', async () => {
    const key = `secret-delivery:${Math.random()}`;
    await app().ctx.db.transaction((tx) =>
      queueMessage(tx, app().ctx, {
        channel: 'sms',
        to: '+4791234567',
        body: 'Koden er 123987.',
        idempotencyKey: key,
        kind: 'login_code',
        secrets: ['123987'],
      }),
    );
    const [row] = await app().ctx.db.select().from(messages).where(eq(messages.idempotencyKey, key));
    expect(row).toMatchObject({ body: `Koden er ${SECRET_ELIDED}.`, secret: true });
    expect(row!.sealed).not.toContain('123987');
    const seal = messageSealer(app().ctx.config);
    const echoing: MessageTransport = {
      deliver: async (m) => {
        throw new Error(`gateway refused text "${m.body}"`);
      },
    };
    await expect(sendMessage(app().ctx.db, echoing, row!.id, () => new Date(), seal)).rejects.toThrow();
    const [failed] = await app().ctx.db.select().from(messages).where(eq(messages.id, row!.id));
    expect(failed!.lastError).toBe(`gateway refused text "Koden er ${SECRET_ELIDED}."`);
    const got: string[] = [];
    const real: MessageTransport = { deliver: async (m) => (got.push(m.body), {}) };
    await sendMessage(app().ctx.db, real, row!.id, () => new Date(), seal);
    expect(got).toEqual(['Koden er 123987.']);
    const [sent] = await app().ctx.db.select().from(messages).where(eq(messages.id, row!.id));
    expect(sent).toMatchObject({ status: 'sent', sealed: null, body: `Koden er ${SECRET_ELIDED}.` });
  });

  it('the development outbox transport keeps the sealed copy (it is the phone); a real one does not', async () => {
    const key = `secret-outbox:${Math.random()}`;
    await app().ctx.db.transaction((tx) =>
      queueMessage(tx, app().ctx, {
        channel: 'sms',
        to: '+4791234568',
        body: 'Koden er 555111.',
        idempotencyKey: key,
        kind: 'login_code',
        secrets: ['555111'],
      }),
    );
    const [row] = await app().ctx.db.select().from(messages).where(eq(messages.idempotencyKey, key));
    const seal = messageSealer(app().ctx.config);
    await sendMessage(
      app().ctx.db,
      new OutboxTransport(undefined, true, false),
      row!.id,
      () => new Date(),
      seal,
    );
    const [kept] = await app().ctx.db.select().from(messages).where(eq(messages.id, row!.id));
    expect(kept).toMatchObject({ status: 'sent', body: `Koden er ${SECRET_ELIDED}.` });
    expect(kept!.sealed).not.toBeNull();
    expect((await outbox(app(), '+4791234568'))[0]!.body).toBe('Koden er 555111.');

    const key2 = `secret-outbox-prod:${Math.random()}`;
    await app().ctx.db.transaction((tx) =>
      queueMessage(tx, app().ctx, {
        channel: 'sms',
        to: '+4791234568',
        body: 'Koden er 555112.',
        idempotencyKey: key2,
        kind: 'login_code',
        secrets: ['555112'],
      }),
    );
    const [row2] = await app().ctx.db.select().from(messages).where(eq(messages.idempotencyKey, key2));
    await sendMessage(app().ctx.db, new OutboxTransport(undefined, false), row2!.id, () => new Date(), seal);
    const [dropped] = await app().ctx.db.select().from(messages).where(eq(messages.id, row2!.id));
    expect(dropped!.sealed).toBeNull();
  });

  it('queuing a secret kind without naming its secret is refused', async () => {
    await expect(
      app().ctx.db.transaction((tx) =>
        queueMessage(tx, app().ctx, {
          channel: 'sms',
          to: '+4791234569',
          body: 'Koden er 222333.',
          idempotencyKey: `unmarked:${Math.random()}`,
          kind: 'login_code',
        }),
      ),
    ).rejects.toThrow(/secret/);
  });

  it('resending a secret message makes a new secret for its owner; the old one dies; a double click makes one', async () => {
    const { secrets, phone, ticketPhone, staffEmail, orderToken } = await causeEverySecretMessage(app());
    const [resetToken, , code, ticketToken, staffToken] = secrets;
    const operator = await operatorAdmin(app());
    const log = (await operator.get('/api/operator/messages?limit=200')).body.items as {
      id: string;
      to: string;
      kind: string;
    }[];
    const find = (to: string, kind: string) => log.find((m) => m.to === to && m.kind === kind)!;

    // Password reset: the new link works, the old one is dead.
    const reset = find(OPERATOR.email, 'password_reset');
    const resent = await operator.post(`/api/operator/messages/${reset.id}/resend`, { resendCount: 0 });
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ created: true, message: { to: OPERATOR.email, resendNumber: 1 } });
    expect(resent.body.message.body).toContain(SECRET_ELIDED);
    const again = await operator.post(`/api/operator/messages/${reset.id}/resend`, { resendCount: 0 });
    expect(again.body).toMatchObject({ created: false, message: { id: resent.body.message.id } });
    const [newReset] = linkTokens((await outbox(app(), OPERATOR.email))[0]!.body);
    expect(newReset).toBeDefined();
    expect(newReset).not.toBe(resetToken);
    for (const s of [resetToken, newReset]) expect(resent.text).not.toContain(s);
    const anyone = new TestClient(app().server);
    expect(
      (await anyone.post(`/api/auth/password-reset/${resetToken}`, { password: 'a-new-password-987' }))
        .status,
    ).toBe(400);

    // Login code: a new code to the same phone; the old one no longer logs in.
    const otp = find(phone, 'login_code');
    expect((await operator.post(`/api/operator/messages/${otp.id}/resend`, { resendCount: 0 })).status).toBe(
      200,
    );
    const newCode = codeIn((await outbox(app(), phone))[0]!.body);
    const employee = new TestClient(app().server);
    if (newCode !== code) {
      const old = await employee.post(`/api/order/${orderToken}/otp/verify`, { phone, code });
      expect(old.status).not.toBe(200);
    }
    expect(
      (await employee.post(`/api/order/${orderToken}/otp/verify`, { phone, code: newCode })).status,
    ).toBe(200);

    // Ticket link: a new link; the old one is gone.
    const ticket = find(ticketPhone, 'ticket_approved');
    expect(
      (await operator.post(`/api/operator/messages/${ticket.id}/resend`, { resendCount: 0 })).status,
    ).toBe(200);
    const [newTicket] = linkTokens((await outbox(app(), ticketPhone))[0]!.body);
    expect(newTicket).not.toBe(ticketToken);
    expect((await anyone.get(`/api/tickets/${ticketToken}`)).status).toBe(404);
    expect((await anyone.get(`/api/tickets/${newTicket}`)).status).toBe(200);

    // Staff invitation: a new link; the old one cannot be accepted.
    const invitation = find(staffEmail, 'invitation');
    expect(
      (await operator.post(`/api/operator/messages/${invitation.id}/resend`, { resendCount: 0 })).status,
    ).toBe(200);
    const [newInvitation] = linkTokens((await outbox(app(), staffEmail))[0]!.body);
    expect(newInvitation).not.toBe(staffToken);
    const password = { password: 'staff-password-4321' };
    expect((await anyone.post(`/api/auth/invitations/${staffToken}/accept`, password)).status).toBe(400);
    expect((await anyone.post(`/api/auth/invitations/${newInvitation}/accept`, password)).status).toBe(200);
    // Accepted: a further resend has nothing to reissue.
    const after = await operator.post(`/api/operator/messages/${invitation.id}/resend`, { resendCount: 1 });
    expect([after.status, after.body.error.details.reason]).toEqual([409, 'invitation_already_accepted']);
  });

  it('read-only staff can change nothing: every mutating back-office route answers 403 before reading the body', async () => {
    const readOnly = await readOnlyStaff(app());
    const doc = (await readOnly.get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const id = '00000000-0000-4000-8000-000000000000';
    const routes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/operator/'))
      .flatMap(([path, methods]) =>
        Object.keys(methods)
          .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
          .map((m) => [m.toUpperCase() as 'POST', path.replace(/\{[^}]+\}/g, id)] as const),
      )
      .filter(([, path]) => !path.endsWith('/price-versions/preview'));
    expect(routes.length).toBeGreaterThan(10);
    for (const [method, path] of routes) {
      const r = await readOnly.request(method, path, {});
      expect([method, path, r.status]).toEqual([method, path, 403]);
    }
  });
});

/** Every row of every table of the app's schema, as JSON text: what a stolen copy of the database holds. */
async function wholeDatabase(app: TestApp): Promise<string> {
  const tables = await app.ctx.db.execute(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const parts: string[] = [];
  for (const { name } of (tables as unknown as { rows: { name: string }[] }).rows) {
    const rows = await app.ctx.db.execute(sql.raw(`select row_to_json(t)::text as j from "${name}" t`));
    for (const row of (rows as unknown as { rows: { j: string }[] }).rows) parts.push(row.j);
  }
  return parts.join('\n');
}

describeEachEngine(
  'issue 12 item 9: tokens at rest are hashed (a copy of the database opens nothing)',
  (app) => {
    it('no table holds the token of an order link, invitation, reset or ticket link in plain text, before or after the link is rotated', async () => {
      const { secrets, orderToken, admin } = await causeEverySecretMessage(app());
      const rotated = await admin.post('/api/company/order-link/rotate');
      expect(rotated.status).toBe(200);
      const newOrderToken = String(rotated.body.url).split('/bestill/')[1]!;
      // The new link works: it is found by its hash.
      expect((await new TestClient(app().server).get(`/api/order/${newOrderToken}`)).status).toBe(200);
      const dump = await wholeDatabase(app());
      expect(dump.length).toBeGreaterThan(1000);
      for (const token of [...secrets.filter((s) => s.length >= 20), orderToken, newOrderToken]) {
        const at = dump.indexOf(token);
        expect(
          at,
          `token …${token.slice(-6)} stored in plain text: ${dump.slice(Math.max(0, at - 200), at + 40)}`,
        ).toBe(-1);
      }
    });
  },
);
