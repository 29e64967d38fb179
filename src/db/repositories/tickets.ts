import { and, desc, eq, gte, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
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

/** A ticket as its wallet reads it, from one statement (readTicketView). Dates are Oslo ISO dates. */
export interface TicketView {
  sub: {
    id: string;
    companyId: string;
    state: 'pending' | 'approved' | 'rejected' | 'cancelled';
    firstName: string;
    lastName: string;
    categoryId: string;
    startDate: string;
    endDate: string | null;
    revokedAt: Date | null;
    ticketNumber: number;
    deviceJkt: string | null;
    zoneSets: { zoneIds: string[]; validFrom: string; validTo: string | null }[];
  };
  /** The credentials not revoked and not expired at `now`, newest first. */
  live: CredentialRow[];
  companyName: string;
  category: { id: string; name: string; nameEn: string };
  /** Names of every zone in any of the ticket's zone sets. */
  zoneNames: Map<string, string>;
  movesUsed: number;
  settings: { movesPerMonth: number; freshnessSeconds: number } | null;
  /** False when a proof was given and its jti had been seen before (a replay). */
  proofFresh: boolean;
}

type Json = Record<string, unknown>;
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
const dateOrNull = (value: unknown) =>
  value === null || value === undefined ? null : new Date(String(value));

/**
 * Issue 17 item 2: everything a ticket fetch reads, in one statement — the subscription by its
 * link token's hash with its zone sets, its live credentials, the names of its company, category
 * and zones, the moves used since `monthStart`, the operator's ticket settings — and, with
 * `proof`, the DPoP proof's jti remembered until its end (RFC 9449 §11.1: `proofFresh` is false
 * for a jti seen before, by any process). Null for an unknown token. Reads without a lock: a
 * caller that must write (issue a credential) locks the row and reads again.
 */
export async function readTicketView(
  db: Tx,
  input: {
    tokenHash: string;
    proof: { jtiHash: string; forgetAt: Date } | null;
    now: Date;
    monthStart: Date;
  },
): Promise<TicketView | null> {
  const result = (await db.execute(sql`
    with proof as (
      insert into dpop_proofs (jti_hash, expires_at)
      select ${input.proof?.jtiHash ?? null}::text, ${input.proof?.forgetAt.toISOString() ?? null}::timestamptz
      where ${input.proof?.jtiHash ?? null}::text is not null
      on conflict do nothing
      returning 1)
    select
      json_build_object('id', s.id, 'companyId', s.company_id, 'state', s.state, 'firstName', s.first_name,
        'lastName', s.last_name, 'categoryId', s.category_id, 'startDate', s.start_date, 'endDate', s.end_date,
        'revokedAt', s.revoked_at, 'ticketNumber', s.ticket_number, 'deviceJkt', s.device_jkt) as sub,
      (select coalesce(json_agg(json_build_object('zoneIds', z.zone_ids, 'validFrom', z.valid_from,
          'validTo', z.valid_to) order by z.valid_from, z.created_at), '[]')
        from subscription_zone_sets z where z.subscription_id = s.id) as zone_sets,
      (select coalesce(json_agg(json_build_object('id', t.id, 'statusIndex', t.status_index,
          'subscriptionId', t.subscription_id, 'validFrom', t.valid_from, 'validTo', t.valid_to,
          'zoneIds', t.zone_ids, 'keyId', t.key_id, 'jws', t.jws, 'cose', t.cose, 'deviceJkt', t.device_jkt,
          'issuedAt', t.issued_at, 'revokedAt', t.revoked_at) order by t.issued_at desc, t.id desc), '[]')
        from ticket_credentials t
        where t.subscription_id = s.id and t.revoked_at is null and t.valid_to >= ${input.now.toISOString()}::timestamptz) as live,
      (select coalesce(json_object_agg(zn.id, zn.name), '{}') from zones zn where zn.id in (
        select jsonb_array_elements_text(zs.zone_ids) from subscription_zone_sets zs
        where zs.subscription_id = s.id)) as zone_names,
      c.name as company_name,
      json_build_object('id', cat.id, 'name', cat.name, 'nameEn', cat.name_en) as category,
      (select count(*)::int from ticket_moves m
        where m.subscription_id = s.id and m.used_at >= ${input.monthStart.toISOString()}::timestamptz) as moves_used,
      (select json_build_object('movesPerMonth', ts.moves_per_month, 'freshnessSeconds', ts.freshness_seconds)
        from ticket_settings ts where ts.id = 1) as settings,
      exists (select 1 from proof) as proof_fresh
    from subscriptions s
      left join companies c on c.id = s.company_id
      left join categories cat on cat.id = s.category_id
    where s.ticket_token_hash = ${input.tokenHash}`)) as unknown as { rows: Json[] };
  const row = result.rows[0];
  if (!row) return null;
  const sub = json<Json>(row.sub);
  const category = json<{ id: string | null; name: string; nameEn: string }>(row.category);
  return {
    sub: {
      ...(sub as unknown as TicketView['sub']),
      revokedAt: dateOrNull(sub.revokedAt),
      ticketNumber: Number(sub.ticketNumber),
      zoneSets: json<TicketView['sub']['zoneSets']>(row.zone_sets),
    },
    live: json<Json[]>(row.live).map((c) => ({
      ...(c as unknown as CredentialRow),
      validFrom: new Date(String(c.validFrom)),
      validTo: dateOrNull(c.validTo),
      issuedAt: new Date(String(c.issuedAt)),
      revokedAt: dateOrNull(c.revokedAt),
    })),
    companyName: String(row.company_name ?? ''),
    category:
      category.id === null
        ? { id: String(sub.categoryId), name: String(sub.categoryId), nameEn: String(sub.categoryId) }
        : { id: category.id, name: category.name, nameEn: category.nameEn },
    zoneNames: new Map(Object.entries(json<Record<string, string>>(row.zone_names))),
    movesUsed: Number(row.moves_used ?? 0),
    settings: row.settings === null || row.settings === undefined ? null : json(row.settings),
    proofFresh: row.proof_fresh === true || row.proof_fresh === 't',
  };
}

/** What an online inspection reads of the register (readInspectionView). */
export interface InspectionView {
  settings: { movesPerMonth: number; freshnessSeconds: number } | null;
  sub: {
    id: string;
    state: 'pending' | 'approved' | 'rejected' | 'cancelled';
    firstName: string;
    lastName: string;
    startDate: string;
    endDate: string | null;
    revokedAt: Date | null;
    zoneSets: { zoneIds: string[]; validFrom: string; validTo: string | null }[];
  } | null;
  credential: {
    subscriptionId: string;
    validFrom: Date;
    validTo: Date | null;
    zoneIds: string[];
    revokedAt: Date | null;
  } | null;
  /** Zone ids by their QR code number. */
  zoneIds: Map<number, string>;
}

/**
 * Issue 17 item 2: in one statement, what the online check of a QR code reads — the operator's
 * ticket settings, the ticket with this number and its zone sets, the credential with this
 * status-list index and the zone codes. `code` null: only the settings and zone codes.
 */
export async function readInspectionView(
  db: Tx,
  code: { ticketNumber: number; statusIndex: number } | null,
): Promise<InspectionView> {
  const result = (await db.execute(sql`
    select
      (select json_build_object('movesPerMonth', ts.moves_per_month, 'freshnessSeconds', ts.freshness_seconds)
        from ticket_settings ts where ts.id = 1) as settings,
      (select json_build_object('id', s.id, 'state', s.state, 'firstName', s.first_name, 'lastName', s.last_name,
          'startDate', s.start_date, 'endDate', s.end_date, 'revokedAt', s.revoked_at,
          'zoneSets', (select coalesce(json_agg(json_build_object('zoneIds', z.zone_ids, 'validFrom', z.valid_from,
            'validTo', z.valid_to) order by z.valid_from, z.created_at), '[]')
            from subscription_zone_sets z where z.subscription_id = s.id))
        from subscriptions s where s.ticket_number = ${code?.ticketNumber ?? null}::bigint) as sub,
      (select json_build_object('subscriptionId', t.subscription_id, 'validFrom', t.valid_from,
          'validTo', t.valid_to, 'zoneIds', t.zone_ids, 'revokedAt', t.revoked_at)
        from ticket_credentials t where t.status_index = ${code?.statusIndex ?? null}::int) as credential,
      (select coalesce(json_object_agg(zn.code, zn.id), '{}') from zones zn) as zone_codes`)) as unknown as {
    rows: Json[];
  };
  const row = result.rows[0] ?? {};
  const sub = row.sub === null || row.sub === undefined ? null : json<Json>(row.sub);
  const credential =
    row.credential === null || row.credential === undefined ? null : json<Json>(row.credential);
  return {
    settings: row.settings === null || row.settings === undefined ? null : json(row.settings),
    sub: sub && {
      ...(sub as unknown as NonNullable<InspectionView['sub']>),
      revokedAt: dateOrNull(sub.revokedAt),
    },
    credential: credential && {
      ...(credential as unknown as NonNullable<InspectionView['credential']>),
      validFrom: new Date(String(credential.validFrom)),
      validTo: dateOrNull(credential.validTo),
      revokedAt: dateOrNull(credential.revokedAt),
    },
    zoneIds: new Map(
      Object.entries(json<Record<string, string>>(row.zone_codes ?? '{}')).map(([k, v]) => [Number(k), v]),
    ),
  };
}
