import { and, count, eq, gt, min } from 'drizzle-orm';
import type { Tx } from '../db/engine';
import { rateLimitEvents } from '../db/schema';
import { AppError } from '../domain/errors';

export interface RateLimit {
  key: string;
  limit: number;
  windowMs: number;
}

/**
 * Throws TOO_MANY_REQUESTS (with the seconds until a slot frees) when `key` already has
 * `limit` events inside the window. Counting is in the database, so it holds across processes.
 */
export async function assertWithinLimit(tx: Tx, rule: RateLimit, now: Date): Promise<void> {
  const since = new Date(now.getTime() - rule.windowMs);
  const [row] = await tx
    .select({ n: count(), oldest: min(rateLimitEvents.at) })
    .from(rateLimitEvents)
    .where(and(eq(rateLimitEvents.key, rule.key), gt(rateLimitEvents.at, since)));
  if ((row?.n ?? 0) >= rule.limit) {
    const oldest = row?.oldest ? new Date(row.oldest) : now;
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil((oldest.getTime() + rule.windowMs - now.getTime()) / 1000),
    );
    throw new AppError('TOO_MANY_REQUESTS', {
      params: { retryAfterSeconds },
      details: { retryAfterSeconds },
    });
  }
}

export async function recordEvent(tx: Tx, key: string, now: Date): Promise<void> {
  await tx.insert(rateLimitEvents).values({ key, at: now });
}

export async function clearEvents(tx: Tx, key: string): Promise<void> {
  await tx.delete(rateLimitEvents).where(eq(rateLimitEvents.key, key));
}
