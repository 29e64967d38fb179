import { and, desc, eq, gte, inArray, isNull, lte, ne } from 'drizzle-orm';
import type { Tx } from '../engine';
import { categories, companies, subscriptions, ticketCredentials, zones } from '../schema';
import { type SubscriptionRow, type SubscriptionWithZones, zoneSetsOf } from './subscriptions';

export type CredentialRow = typeof ticketCredentials.$inferSelect;

/**
 * Ticket queries are not company-scoped: the ticket link's token (or, at inspection, a credential
 * signed by the operator) is the capability, and it names exactly one subscription. Tokens are
 * found by their SHA-256 (hex); the token itself is never stored.
 */
export async function lockByTicketTokenHash(
  tx: Tx,
  tokenHash: string,
): Promise<SubscriptionWithZones | null> {
  const [row] = await tx
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.ticketTokenHash, tokenHash))
    .for('update');
  if (!row) return null;
  const sets = await zoneSetsOf(tx, [row.id]);
  return { ...row, zoneSets: sets.get(row.id) ?? [] };
}

export async function setTicketTokenHash(tx: Tx, subscriptionId: string, tokenHash: string): Promise<void> {
  await tx
    .update(subscriptions)
    .set({ ticketTokenHash: tokenHash })
    .where(eq(subscriptions.id, subscriptionId));
}

export async function findSubscriptionByTicketNumber(
  tx: Tx,
  ticketNumber: number,
): Promise<SubscriptionRow | null> {
  const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.ticketNumber, ticketNumber));
  return row ?? null;
}

/** The subscription with this ticket number and its zone sets (inspection by number), or null. */
export async function findTicketByNumber(
  tx: Tx,
  ticketNumber: number,
): Promise<SubscriptionWithZones | null> {
  const row = await findSubscriptionByTicketNumber(tx, ticketNumber);
  if (!row) return null;
  const sets = await zoneSetsOf(tx, [row.id]);
  return { ...row, zoneSets: sets.get(row.id) ?? [] };
}

export async function findSubscriptionById(tx: Tx, id: string): Promise<SubscriptionRow | null> {
  const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.id, id));
  return row ?? null;
}

/** The subscription's credentials, newest first. */
export async function credentialsOf(tx: Tx, subscriptionId: string): Promise<CredentialRow[]> {
  return tx
    .select()
    .from(ticketCredentials)
    .where(eq(ticketCredentials.subscriptionId, subscriptionId))
    .orderBy(desc(ticketCredentials.issuedAt), desc(ticketCredentials.id));
}

export async function findCredential(tx: Tx, id: string): Promise<CredentialRow | null> {
  const [row] = await tx.select().from(ticketCredentials).where(eq(ticketCredentials.id, id));
  return row ?? null;
}

export async function insertCredential(
  tx: Tx,
  values: typeof ticketCredentials.$inferInsert,
): Promise<CredentialRow> {
  const [row] = await tx.insert(ticketCredentials).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** Marks the subscription's other live credentials that overlap [from, to] as superseded (revoked). */
export async function revokeOverlapping(
  tx: Tx,
  input: { subscriptionId: string; keepId: string; from: Date; to: Date; now: Date },
): Promise<string[]> {
  const rows = await tx
    .update(ticketCredentials)
    .set({ revokedAt: input.now })
    .where(
      and(
        eq(ticketCredentials.subscriptionId, input.subscriptionId),
        ne(ticketCredentials.id, input.keepId),
        isNull(ticketCredentials.revokedAt),
        lte(ticketCredentials.validFrom, input.to),
        gte(ticketCredentials.validTo, input.from),
      ),
    )
    .returning({ id: ticketCredentials.id });
  return rows.map((r) => r.id);
}

export interface TicketNames {
  companyName: string;
  category: { id: string; name: string; nameEn: string };
  zones: { id: string; name: string }[];
}

/** Names for display: the company, the category and the zones (in the ticket's order). */
export async function ticketNames(
  tx: Tx,
  input: { companyId: string; categoryId: string; zoneIds: string[] },
): Promise<TicketNames> {
  const [company] = await tx
    .select({ name: companies.name })
    .from(companies)
    .where(eq(companies.id, input.companyId));
  const [category] = await tx
    .select({ id: categories.id, name: categories.name, nameEn: categories.nameEn })
    .from(categories)
    .where(eq(categories.id, input.categoryId));
  const zoneRows =
    input.zoneIds.length === 0
      ? []
      : await tx
          .select({ id: zones.id, name: zones.name })
          .from(zones)
          .where(inArray(zones.id, input.zoneIds));
  const zoneName = new Map(zoneRows.map((z) => [z.id, z.name]));
  return {
    companyName: company?.name ?? '',
    category: category ?? { id: input.categoryId, name: input.categoryId, nameEn: input.categoryId },
    zones: input.zoneIds.map((id) => ({ id, name: zoneName.get(id) ?? id })),
  };
}

/** The subscription (any company: the ticket is the capability) with its zone sets, or null. */
export async function findTicketById(tx: Tx, id: string): Promise<SubscriptionWithZones | null> {
  const row = await findSubscriptionById(tx, id);
  if (!row) return null;
  const sets = await zoneSetsOf(tx, [row.id]);
  return { ...row, zoneSets: sets.get(row.id) ?? [] };
}

/** The subscription's credentials not revoked and not yet expired at `now`. */
export async function liveCredentialsOf(tx: Tx, subscriptionId: string, now: Date): Promise<CredentialRow[]> {
  return tx
    .select()
    .from(ticketCredentials)
    .where(
      and(
        eq(ticketCredentials.subscriptionId, subscriptionId),
        isNull(ticketCredentials.revokedAt),
        gte(ticketCredentials.validTo, now),
      ),
    );
}

/** Marks these credentials revoked at `now` (their bits go on the revocation list). */
export async function revokeCredentialIds(tx: Tx, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(ticketCredentials)
    .set({ revokedAt: now })
    .where(and(inArray(ticketCredentials.id, ids), isNull(ticketCredentials.revokedAt)));
}
