import { and, count, desc, eq, gte, isNotNull, isNull, lt, lte, max, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../engine';
import { dpopProofs, subscriptions, ticketCredentials, ticketMoves, ticketSettings, zones } from '../schema';

/** Ticket device binding, moves, DPoP replay memory and the operator's ticket settings. */

export interface TicketSettings {
  movesPerMonth: number;
  freshnessSeconds: number;
}

export const DEFAULT_TICKET_SETTINGS: TicketSettings = { movesPerMonth: 3, freshnessSeconds: 60 };

export async function readTicketSettings(tx: Tx): Promise<TicketSettings> {
  const [row] = await tx.select().from(ticketSettings).where(eq(ticketSettings.id, 1));
  return row
    ? { movesPerMonth: row.movesPerMonth, freshnessSeconds: row.freshnessSeconds }
    : DEFAULT_TICKET_SETTINGS;
}

export async function writeTicketSettings(tx: Tx, settings: TicketSettings, now: Date): Promise<void> {
  await tx
    .insert(ticketSettings)
    .values({ id: 1, ...settings, updatedAt: now })
    .onConflictDoUpdate({ target: ticketSettings.id, set: { ...settings, updatedAt: now } });
}

/**
 * Remembers a DPoP proof's jti (hashed) until `expiresAt`; false when it was seen before (a
 * replay). Forgets the expired ones on the way.
 */
export async function rememberProof(tx: Tx, jtiHash: string, expiresAt: Date, now: Date): Promise<boolean> {
  await tx.delete(dpopProofs).where(lt(dpopProofs.expiresAt, now));
  const rows = await tx
    .insert(dpopProofs)
    .values({ jtiHash, expiresAt })
    .onConflictDoNothing()
    .returning({ jtiHash: dpopProofs.jtiHash });
  return rows.length === 1;
}

/** Forgets the DPoP jtis whose window has passed (a ticket fetch calls it now and then). */
export async function forgetExpiredProofs(tx: Tx, now: Date): Promise<void> {
  await tx.delete(dpopProofs).where(lt(dpopProofs.expiresAt, now));
}

export async function bindDevice(
  tx: Tx,
  subscriptionId: string,
  device: { jkt: string; key: { kty: 'EC'; crv: 'P-256'; x: string; y: string } },
  now: Date,
): Promise<void> {
  await tx
    .update(subscriptions)
    .set({ deviceJkt: device.jkt, deviceKey: device.key, deviceBoundAt: now, updatedAt: now })
    .where(eq(subscriptions.id, subscriptionId));
}

/** Marks every live credential of the subscription revoked (a move: the old device's codes end). */
export async function revokeAllCredentials(tx: Tx, subscriptionId: string, now: Date): Promise<number> {
  const rows = await tx
    .update(ticketCredentials)
    .set({ revokedAt: now })
    .where(and(eq(ticketCredentials.subscriptionId, subscriptionId), isNull(ticketCredentials.revokedAt)))
    .returning({ id: ticketCredentials.id });
  return rows.length;
}

/** Moves completed since `since` (the start of the Oslo month). */
export async function movesSince(tx: Tx, subscriptionId: string, since: Date): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(ticketMoves)
    .where(and(eq(ticketMoves.subscriptionId, subscriptionId), gte(ticketMoves.usedAt, since)));
  return row?.n ?? 0;
}

/** A new move code for the subscription; older unused ones are deleted (only the newest works). */
export async function replaceMoveCode(
  tx: Tx,
  values: { subscriptionId: string; codeHash: string; expiresAt: Date; createdAt: Date },
) {
  await tx
    .delete(ticketMoves)
    .where(and(eq(ticketMoves.subscriptionId, values.subscriptionId), isNull(ticketMoves.usedAt)));
  const [row] = await tx.insert(ticketMoves).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function currentMoveCode(tx: Tx, subscriptionId: string) {
  const [row] = await tx
    .select()
    .from(ticketMoves)
    .where(and(eq(ticketMoves.subscriptionId, subscriptionId), isNull(ticketMoves.usedAt)))
    .orderBy(desc(ticketMoves.createdAt))
    .limit(1);
  return row ?? null;
}

/** Counts a wrong try atomically; the tries so far, or null when the code was dead already. */
export async function countWrongMoveTry(tx: Tx, id: string, maxTries: number): Promise<number | null> {
  const [row] = await tx
    .update(ticketMoves)
    .set({ attempts: sql`${ticketMoves.attempts} + 1` })
    .where(and(eq(ticketMoves.id, id), isNull(ticketMoves.usedAt), lt(ticketMoves.attempts, maxTries)))
    .returning({ attempts: ticketMoves.attempts });
  return row?.attempts ?? null;
}

export async function completeMove(tx: Tx, id: string, newJkt: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(ticketMoves)
    .set({ usedAt: now, newJkt })
    .where(and(eq(ticketMoves.id, id), isNull(ticketMoves.usedAt)))
    .returning({ id: ticketMoves.id });
  return rows.length === 1;
}

/** Zone codes by id (the QR names zones by code) and back. */
export async function zoneCodeTable(tx: Tx): Promise<{ id: string; code: number; name: string }[]> {
  return tx.select({ id: zones.id, code: zones.code, name: zones.name }).from(zones);
}

/**
 * The status-list indices of unexpired credentials that no longer hold: superseded or moved
 * (their own revocation), or whose ticket is revoked, cancelled or not approved. And the list's
 * size (one past the highest index given out).
 */
export async function revokedStatusIndices(tx: Tx, now: Date): Promise<{ revoked: number[]; size: number }> {
  const rows = await tx
    .select({ index: ticketCredentials.statusIndex })
    .from(ticketCredentials)
    .innerJoin(subscriptions, eq(subscriptions.id, ticketCredentials.subscriptionId))
    .where(
      and(
        gte(ticketCredentials.validTo, now),
        or(
          lte(ticketCredentials.revokedAt, now),
          ne(subscriptions.state, 'approved'),
          and(isNotNull(subscriptions.revokedAt), lte(subscriptions.revokedAt, now)),
        ),
      ),
    );
  const [top] = await tx.select({ top: max(ticketCredentials.statusIndex) }).from(ticketCredentials);
  return { revoked: rows.map((r) => r.index), size: (top?.top ?? 0) + 1 };
}

export async function findCredentialByStatusIndex(tx: Tx, statusIndex: number) {
  const [row] = await tx
    .select()
    .from(ticketCredentials)
    .where(eq(ticketCredentials.statusIndex, statusIndex));
  return row ?? null;
}
