import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { acceptInvitation } from '../../src/app/auth/accept-invitation';
import { auditLog } from '../../src/db/schema';
import type { OperatorRole } from '../../src/domain/staff-roles';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription } from '../support/factories';
import { OPERATOR, type TestApp } from '../support/test-app';

const PATH = '/api/operator/ticket-settings';

async function operatorAdmin(app: TestApp) {
  const client = new TestClient(app.server);
  await client.login(OPERATOR.email, OPERATOR.password);
  return client;
}

async function staffMember(app: TestApp, role: OperatorRole, email: string) {
  const admin = await operatorAdmin(app);
  await admin.post('/api/operator/staff', { email, name: 'Ansatt', role });
  const outbox = await admin.get(`/api/dev/outbox?to=${encodeURIComponent(email)}`);
  const link = /\/operator\/invitasjon\/([\w-]+)/.exec(outbox.body.messages[0].body);
  await acceptInvitation(app.ctx, { token: link![1]!, password: 'staff-password-1234', ip: '127.0.0.1' });
  const client = new TestClient(app.server);
  await client.login(email, 'staff-password-1234');
  return client;
}

describeEachEngine('operator ticket settings: moves per month and freshness window (issue 13)', (app) => {
  it('defaults 3 moves and 60 s; an admin changes them, audited, and tickets and inspection devices use them at once', async () => {
    app().setNow('2027-03-05T12:00:00+01:00');
    const admin = await operatorAdmin(app());
    expect((await admin.get(PATH)).body).toEqual({ movesPerMonth: 3, freshnessSeconds: 60 });
    const { company } = await createCompany(app());
    const sub = await createSubscription(app(), { companyId: company.id, startDate: '2027-03-01' });
    const ticketPath = `/api/tickets/${sub.ticketAccessToken}`;
    const anonymous = new TestClient(app().server);
    expect((await anonymous.get(ticketPath)).body).toMatchObject({ movesLeft: 3, freshnessSeconds: 60 });

    const saved = await admin.put(PATH, { movesPerMonth: 1, freshnessSeconds: 30 });
    expect([saved.status, saved.body]).toEqual([200, { movesPerMonth: 1, freshnessSeconds: 30 }]);
    expect((await admin.get(PATH)).body).toEqual({ movesPerMonth: 1, freshnessSeconds: 30 });
    expect((await anonymous.get(ticketPath)).body).toMatchObject({ movesLeft: 1, freshnessSeconds: 30 });
    expect((await anonymous.get('/api/inspection/offline-data')).body.freshnessSeconds).toBe(30);
    const audit = await app()
      .ctx.db.select()
      .from(auditLog)
      .where(eq(auditLog.action, 'ticket_settings.updated'));
    expect(audit.at(-1)).toMatchObject({
      before: { movesPerMonth: 3, freshnessSeconds: 60 },
      after: { movesPerMonth: 1, freshnessSeconds: 30 },
    });
    await admin.put(PATH, { movesPerMonth: 3, freshnessSeconds: 60 });
  });

  it('out of bounds, not whole or not numbers: 400 naming the field; nothing saved', async () => {
    const admin = await operatorAdmin(app());
    const before = (await admin.get(PATH)).body;
    const cases: [unknown, string, string][] = [
      [{ movesPerMonth: 11, freshnessSeconds: 60 }, 'body.movesPerMonth', 'too_big'],
      [{ movesPerMonth: -1, freshnessSeconds: 60 }, 'body.movesPerMonth', 'too_small'],
      [{ movesPerMonth: 3, freshnessSeconds: 10 }, 'body.freshnessSeconds', 'too_small'],
      [{ movesPerMonth: 3, freshnessSeconds: 301 }, 'body.freshnessSeconds', 'too_big'],
      [{ movesPerMonth: 3, freshnessSeconds: '60' }, 'body.freshnessSeconds', 'wrong_type'],
      [{ movesPerMonth: 3 }, 'body.freshnessSeconds', 'required'],
    ];
    for (const [body, path, problem] of cases) {
      const r = await admin.put(PATH, body);
      expect([r.status, r.body.error.code], JSON.stringify(body)).toEqual([400, 'VALIDATION_FAILED']);
      expect(r.body.error.details, JSON.stringify(body)).toContainEqual(
        expect.objectContaining({ path, problem }),
      );
    }
    const fraction = await admin.put(PATH, { movesPerMonth: 2.5, freshnessSeconds: 60 });
    expect(fraction.status).toBe(400);
    expect(fraction.body.error.details[0].path).toBe('body.movesPerMonth');
    expect((await admin.get(PATH)).body).toEqual(before);
  });

  it('read-only staff see the settings but cannot change them; inspectors and visitors get neither', async () => {
    const readOnly = await staffMember(app(), 'read_only', 'les-innstillinger@example.no');
    expect((await readOnly.get(PATH)).status).toBe(200);
    const denied = await readOnly.put(PATH, { movesPerMonth: 5, freshnessSeconds: 60 });
    expect([denied.status, denied.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const inspector = await staffMember(app(), 'inspector', 'kontroll-innstillinger@example.no');
    expect((await inspector.get(PATH)).status).toBe(403);
    expect((await new TestClient(app().server).get(PATH)).status).toBe(401);
  });
});
