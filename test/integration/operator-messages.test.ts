import { eq, like } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { hashPassword } from '../../src/adapters/passwords';
import { queueMessage } from '../../src/app/messages';
import { auditLog, messages, users } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { OPERATOR, type TestApp } from '../support/test-app';

async function operator(app: TestApp) {
  const client = new TestClient(app.server);
  await client.login(OPERATOR.email, OPERATOR.password);
  return client;
}

async function failedSms(app: TestApp, key: string) {
  await app.ctx.db.transaction((tx) =>
    queueMessage(tx, app.jobs, {
      channel: 'sms',
      to: '+4791234567',
      body: `Hei ${key}`,
      idempotencyKey: key,
      kind: 'ticket',
    }),
  );
  const [m] = await app.ctx.db
    .update(messages)
    .set({ status: 'failed', attempts: 6, lastError: 'Provider timeout' })
    .where(eq(messages.idempotencyKey, key))
    .returning();
  return m!;
}

describeEachEngine('operator: messages (issue 7 item 4)', (app) => {
  it('lists every message with its state, attempts and the reason it failed', async () => {
    const failed = await failedSms(app(), 'approve:list-test');
    const client = await operator(app());
    const all = await client.get('/api/operator/messages');
    expect(all.status).toBe(200);
    expect(all.body.items.map((m: { id: string }) => m.id)).toContain(failed.id);
    const onlyFailed = await client.get('/api/operator/messages?status=failed');
    expect(onlyFailed.body.items.every((m: { status: string }) => m.status === 'failed')).toBe(true);
    expect(onlyFailed.body.items.find((m: { id: string }) => m.id === failed.id)).toMatchObject({
      channel: 'sms',
      to: '+4791234567',
      status: 'failed',
      attempts: 6,
      lastError: 'Provider timeout',
      resendNumber: 0,
      resendCount: 0,
    });
    expect((await client.get('/api/operator/messages?status=lost')).status).toBe(400);
  });

  it('a resend is a new message whose key derives from the original and the resend count; a double click sends once', async () => {
    const failed = await failedSms(app(), 'approve:resend-test');
    const client = await operator(app());
    const first = await client.post(`/api/operator/messages/${failed.id}/resend`, { resendCount: 0 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      created: true,
      message: { status: 'queued', to: failed.to, body: failed.body, resendNumber: 1 },
    });
    const doubleClick = await client.post(`/api/operator/messages/${failed.id}/resend`, { resendCount: 0 });
    expect(doubleClick.body).toMatchObject({ created: false, message: { id: first.body.message.id } });
    const second = await client.post(`/api/operator/messages/${first.body.message.id}/resend`, {
      resendCount: 1,
    });
    expect(second.body).toMatchObject({ created: true, message: { resendNumber: 2 } });
    const stale = await client.post(`/api/operator/messages/${failed.id}/resend`, { resendCount: 7 });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'CONFLICT']);

    const chain = await app()
      .ctx.db.select()
      .from(messages)
      .where(like(messages.idempotencyKey, 'approve:resend-test%'));
    expect(chain.map((m) => m.idempotencyKey).sort()).toEqual([
      'approve:resend-test',
      'approve:resend-test:resend:1',
      'approve:resend-test:resend:2',
    ]);
    const listed = await client.get('/api/operator/messages?q=%2B4791234567');
    expect(listed.body.items.find((m: { id: string }) => m.id === failed.id).resendCount).toBe(2);
    const audit = await app().ctx.db.select().from(auditLog).where(eq(auditLog.action, 'message.resent'));
    expect(audit.filter((a) => (a.before as { messageId: string }).messageId === failed.id)).toHaveLength(1);
  });

  it('read-only staff see messages but cannot resend; unknown ids are 404', async () => {
    const failed = await failedSms(app(), 'approve:readonly-test');
    await app()
      .ctx.db.insert(users)
      .values({
        email: 'messages-readonly@example.no',
        role: 'operator',
        operatorRole: 'read_only',
        passwordHash: await hashPassword('read-only-password-1'),
      });
    const readOnly = new TestClient(app().server);
    await readOnly.login('messages-readonly@example.no', 'read-only-password-1');
    expect((await readOnly.get('/api/operator/messages')).status).toBe(200);
    expect(
      (await readOnly.post(`/api/operator/messages/${failed.id}/resend`, { resendCount: 0 })).status,
    ).toBe(403);
    const client = await operator(app());
    expect(
      (
        await client.post('/api/operator/messages/00000000-0000-0000-0000-000000000000/resend', {
          resendCount: 0,
        })
      ).status,
    ).toBe(404);
  });
});
