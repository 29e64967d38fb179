import { and, eq, sql } from 'drizzle-orm';
import type { MessageTransport } from '../app/ports';
import type { Db } from '../db/engine';
import { messages } from '../db/schema';

export const MAX_SEND_ATTEMPTS = 6;

/**
 * Delivers one queued message. Idempotent: a message that is already sent is left alone.
 * A failure is recorded and rethrown so the queue retries; after the last try it stays failed.
 */
export async function sendMessage(db: Db, transport: MessageTransport, messageId: string, now: () => Date) {
  const [message] = await db.select().from(messages).where(eq(messages.id, messageId));
  if (!message || message.status === 'sent') return;
  try {
    const { providerId } = await transport.deliver(message);
    await db
      .update(messages)
      .set({
        status: 'sent',
        sentAt: now(),
        providerId: providerId ?? null,
        attempts: sql`${messages.attempts} + 1`,
        lastError: null,
      })
      .where(and(eq(messages.id, messageId)));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const [updated] = await db
      .update(messages)
      .set({ attempts: sql`${messages.attempts} + 1`, lastError: reason })
      .where(eq(messages.id, messageId))
      .returning({ attempts: messages.attempts });
    if ((updated?.attempts ?? 0) >= MAX_SEND_ATTEMPTS) {
      await db.update(messages).set({ status: 'failed' }).where(eq(messages.id, messageId));
      return;
    }
    throw error;
  }
}
