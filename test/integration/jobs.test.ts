import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueMessage, SEND_MESSAGE_JOB, URGENT_MESSAGE_PRIORITY } from '../../src/app/messages';
import type { MessageTransport } from '../../src/app/ports';
import type { Database } from '../../src/db/engine';
import { messages } from '../../src/db/schema';
import { startJobs } from '../../src/jobs/boss';
import { MAX_SEND_ATTEMPTS, sendMessage } from '../../src/jobs/send-message';
import { openTestDatabase, testEngines } from '../support/engines';

for (const engine of testEngines()) {
  describe(`jobs and messages (issue 2.7) [${engine}]`, () => {
    let database: Database & { url?: string };
    let jobs: Awaited<ReturnType<typeof startJobs>>;

    beforeAll(async () => {
      database = await openTestDatabase(engine);
      jobs = await startJobs(database, database.url);
    });
    afterAll(async () => {
      await jobs.boss.stop({ graceful: false });
      await database.close();
    });

    it('a message and its send job are written in the same transaction as the change', async () => {
      await database.db.transaction(async (tx) => {
        await queueMessage(tx, jobs.queue, {
          channel: 'sms',
          to: '+4791234567',
          body: 'hei',
          idempotencyKey: 'k-commit',
        });
      });
      const [row] = await database.db.select().from(messages).where(eq(messages.idempotencyKey, 'k-commit'));
      expect(row?.status).toBe('queued');
      const job = await jobs.boss.fetch(SEND_MESSAGE_JOB);
      expect(job?.[0]?.data).toEqual({ messageId: row!.id });
    });

    it('a rolled-back change leaves neither a message nor a job', async () => {
      await expect(
        database.db.transaction(async (tx) => {
          await queueMessage(tx, jobs.queue, {
            channel: 'sms',
            to: '+4791234567',
            body: 'x',
            idempotencyKey: 'k-rollback',
          });
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(
        await database.db.select().from(messages).where(eq(messages.idempotencyKey, 'k-rollback')),
      ).toHaveLength(0);
      expect(await jobs.boss.fetch(SEND_MESSAGE_JOB)).toEqual([]);
    });

    it('the same idempotency key sends one message', async () => {
      for (let i = 0; i < 3; i++) {
        await database.db.transaction((tx) =>
          queueMessage(tx, jobs.queue, {
            channel: 'email',
            to: 'a@example.no',
            body: 'b',
            idempotencyKey: 'k-once',
          }),
        );
      }
      expect(
        await database.db.select().from(messages).where(eq(messages.idempotencyKey, 'k-once')),
      ).toHaveLength(1);
    });

    it('delivery marks the message sent; a failing transport is retried and ends failed after the last try', async () => {
      const [row] = await database.db.select().from(messages).where(eq(messages.idempotencyKey, 'k-commit'));
      const delivered: string[] = [];
      const ok: MessageTransport = { deliver: async (m) => (delivered.push(m.id), { providerId: 'p1' }) };
      await sendMessage(database.db, ok, row!.id, () => new Date());
      await sendMessage(database.db, ok, row!.id, () => new Date());
      expect(delivered).toEqual([row!.id]);
      const [sent] = await database.db.select().from(messages).where(eq(messages.id, row!.id));
      expect(sent).toMatchObject({ status: 'sent', providerId: 'p1' });

      const [other] = await database.db.select().from(messages).where(eq(messages.idempotencyKey, 'k-once'));
      const broken: MessageTransport = {
        deliver: async () => {
          throw new Error('gateway down');
        },
      };
      for (let i = 1; i < MAX_SEND_ATTEMPTS; i++) {
        await expect(sendMessage(database.db, broken, other!.id, () => new Date())).rejects.toThrow(
          'gateway down',
        );
      }
      await sendMessage(database.db, broken, other!.id, () => new Date());
      const [failed] = await database.db.select().from(messages).where(eq(messages.id, other!.id));
      expect(failed).toMatchObject({
        status: 'failed',
        lastError: 'gateway down',
        attempts: MAX_SEND_ATTEMPTS,
      });
    });

    it('issue 17 item 1: a sign-in code jumps a backlog of other messages; its own lane takes only urgent jobs', async () => {
      const queue = { jobs: jobs.queue, config: { SESSION_SECRET: 'x'.repeat(40) } };
      await database.db.transaction(async (tx) => {
        for (let i = 0; i < 30; i += 1) {
          await queueMessage(tx, queue, {
            channel: 'sms',
            to: '+4791234567',
            body: `billett ${i}`,
            idempotencyKey: `backlog-${i}`,
          });
        }
        await queueMessage(tx, queue, {
          channel: 'sms',
          to: '+4791234568',
          body: 'Koden er 123456.',
          idempotencyKey: 'urgent-code',
          kind: 'login_code',
          secrets: ['123456'],
        });
      });
      const [code] = await database.db
        .select()
        .from(messages)
        .where(eq(messages.idempotencyKey, 'urgent-code'));
      const urgent = await jobs.boss.fetch(SEND_MESSAGE_JOB, {
        minPriority: URGENT_MESSAGE_PRIORITY,
        batchSize: 10,
      });
      expect(urgent?.map((j) => j.data)).toEqual([{ messageId: code!.id }]);
      expect(await jobs.boss.fetch(SEND_MESSAGE_JOB, { minPriority: URGENT_MESSAGE_PRIORITY })).toEqual([]);
      // The ordinary lane still gets the backlog.
      expect((await jobs.boss.fetch(SEND_MESSAGE_JOB, { batchSize: 5 }))?.length).toBe(5);
    });
  });
}
