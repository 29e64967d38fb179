import { and, count, eq, gt, inArray, min, sql } from 'drizzle-orm';
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

export type SlotResult =
  | { ok: true; ids: string[] }
  | { ok: false; refused: RateLimit; retryAfterSeconds: number };

/**
 * Takes one slot of every rule at once, atomically, or none: each key's advisory lock is held
 * (in key order, so two callers never deadlock) while its window is counted and the event
 * written, in one short transaction. Any number of parallel callers get at most `limit` slots
 * per key and window. The ids are for `releaseSlots` when the attempt turns out not to count.
 */
export async function takeSlots(db: Tx, rules: RateLimit[], now: Date): Promise<SlotResult> {
  return db.transaction(async (tx) => {
    const keys = [...new Set(rules.map((r) => r.key))].sort();
    for (const key of keys) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
    for (const rule of rules) {
      try {
        await assertWithinLimit(tx, rule, now);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const retryAfterSeconds = Number((error.details as { retryAfterSeconds?: number }).retryAfterSeconds);
        return { ok: false as const, refused: rule, retryAfterSeconds };
      }
    }
    const ids: string[] = [];
    for (const rule of rules) {
      const [row] = await tx
        .insert(rateLimitEvents)
        .values({ key: rule.key, at: now })
        .returning({ id: rateLimitEvents.id });
      if (row) ids.push(row.id);
    }
    return { ok: true as const, ids };
  });
}

/** Gives slots back (an attempt that succeeded is no failure). */
export async function releaseSlots(db: Tx, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.delete(rateLimitEvents).where(inArray(rateLimitEvents.id, ids));
}

/** Events of the rule's key inside its window. */
export async function countEvents(db: Tx, rule: RateLimit, now: Date): Promise<number> {
  const since = new Date(now.getTime() - rule.windowMs);
  const [row] = await db
    .select({ n: count() })
    .from(rateLimitEvents)
    .where(and(eq(rateLimitEvents.key, rule.key), gt(rateLimitEvents.at, since)));
  return row?.n ?? 0;
}
