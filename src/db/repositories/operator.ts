import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, like, lt, lte, or, sql } from 'drizzle-orm';
import type { Tx } from '../engine';
import { companies, invoices, messages, subscriptions, subscriptionZoneSets, users } from '../schema';
import { containsPattern, prefixPattern } from './like';

/*
 * Queries of the operator's back office. The operator runs the whole scheme, so these read across
 * companies; a company admin never reaches them (routes require an operator session).
 */

/** A zone is in use when any subscription ever covered it or a company offers it. */
export async function zoneInUse(tx: Tx, zoneId: string): Promise<boolean> {
  const needle = JSON.stringify([zoneId]);
  const [sets] = await tx
    .select({ n: count() })
    .from(subscriptionZoneSets)
    .where(sql`${subscriptionZoneSets.zoneIds} @> ${needle}::jsonb`);
  if ((sets?.n ?? 0) > 0) return true;
  const [offered] = await tx
    .select({ n: count() })
    .from(companies)
    .where(sql`${companies.orderForm}->'offeredZoneIds' @> ${needle}::jsonb`);
  return (offered?.n ?? 0) > 0;
}

export interface SubscriptionSpan {
  id: string;
  state: 'approved';
  companyId: string;
  categoryId: string;
  startDate: string;
  endDate: string | null;
  revokedAt: Date | null;
  zoneSets: { zoneIds: string[]; validFrom: string; validTo: string | null }[];
}

/** Approved subscriptions valid on at least one day of [first, last] (rule 11), with their zone sets. */
export async function subscriptionsValidBetween(
  tx: Tx,
  first: string,
  last: string,
  revokedBefore: Date,
  companyId?: string,
  /** Which states count: approved tickets, and for a subsidy's consent also orders still waiting. */
  states: ('approved' | 'pending')[] = ['approved'],
): Promise<SubscriptionSpan[]> {
  const rows = await tx
    .select({
      id: subscriptions.id,
      companyId: subscriptions.companyId,
      categoryId: subscriptions.categoryId,
      startDate: subscriptions.startDate,
      endDate: subscriptions.endDate,
      revokedAt: subscriptions.revokedAt,
    })
    .from(subscriptions)
    .where(
      and(
        inArray(subscriptions.state, states),
        lte(subscriptions.startDate, last),
        or(isNull(subscriptions.endDate), gte(subscriptions.endDate, first)),
        or(isNull(subscriptions.revokedAt), gte(subscriptions.revokedAt, revokedBefore)),
        companyId ? eq(subscriptions.companyId, companyId) : undefined,
      ),
    );
  if (rows.length === 0) return [];
  const sets = await tx
    .select()
    .from(subscriptionZoneSets)
    .where(
      and(
        inArray(
          subscriptionZoneSets.subscriptionId,
          rows.map((r) => r.id),
        ),
        lte(subscriptionZoneSets.validFrom, last),
        or(isNull(subscriptionZoneSets.validTo), gte(subscriptionZoneSets.validTo, first)),
      ),
    );
  return rows.map((r) => ({
    ...r,
    state: 'approved' as const,
    zoneSets: sets
      .filter((s) => s.subscriptionId === r.id)
      .map((s) => ({ zoneIds: s.zoneIds, validFrom: s.validFrom, validTo: s.validTo })),
  }));
}

export type CompanyRow = typeof companies.$inferSelect;

/** Companies whose name contains q, or whose organisation number starts with q's digits. */
export async function searchCompanies(tx: Tx, q: string): Promise<CompanyRow[]> {
  const text = q.trim();
  const digits = text.replace(/\s/g, '');
  return tx
    .select()
    .from(companies)
    .where(
      text === ''
        ? undefined
        : or(
            ilike(companies.name, containsPattern(text)),
            /^\d+$/.test(digits) ? like(companies.orgNumber, prefixPattern(digits)) : undefined,
          ),
    )
    .orderBy(asc(companies.name))
    .limit(200);
}

export async function findCompany(tx: Tx, id: string, options: { forUpdate?: boolean } = {}) {
  if (!isUuid(id)) return null;
  const query = tx.select().from(companies).where(eq(companies.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function contactsOf(tx: Tx, companyIds: string[]) {
  if (companyIds.length === 0) return [];
  return tx
    .select({
      id: users.id,
      companyId: users.companyId,
      name: users.name,
      email: users.email,
      phone: users.phone,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(and(eq(users.role, 'company_admin'), inArray(users.companyId, companyIds)))
    .orderBy(asc(users.createdAt));
}

export async function pendingCounts(tx: Tx, companyIds: string[]): Promise<Map<string, number>> {
  if (companyIds.length === 0) return new Map();
  const rows = await tx
    .select({ companyId: subscriptions.companyId, n: count() })
    .from(subscriptions)
    .where(and(eq(subscriptions.state, 'pending'), inArray(subscriptions.companyId, companyIds)))
    .groupBy(subscriptions.companyId);
  return new Map(rows.map((r) => [r.companyId, r.n]));
}

/** Live subscriptions of a company that a deactivation must end or cancel, locked. */
export async function liveSubscriptionsForUpdate(tx: Tx, companyId: string) {
  return tx
    .select()
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.companyId, companyId),
        inArray(subscriptions.state, ['pending', 'approved']),
        isNull(subscriptions.revokedAt),
      ),
    )
    .for('update');
}

export type MessageRow = typeof messages.$inferSelect;

export async function listMessages(
  tx: Tx,
  filter: { status?: 'queued' | 'sent' | 'failed'; q?: string; limit: number; offset: number },
) {
  const q = filter.q?.trim();
  const where = and(
    filter.status ? eq(messages.status, filter.status) : undefined,
    q ? or(ilike(messages.to, containsPattern(q)), ilike(companies.name, containsPattern(q))) : undefined,
  );
  const rows = await tx
    .select({ message: messages, companyName: companies.name })
    .from(messages)
    .leftJoin(companies, eq(companies.id, messages.companyId))
    .where(where)
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await tx
    .select({ n: count() })
    .from(messages)
    .leftJoin(companies, eq(companies.id, messages.companyId))
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findMessage(tx: Tx, id: string): Promise<MessageRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await tx.select().from(messages).where(eq(messages.id, id));
  return row ?? null;
}

export async function findMessageByKey(tx: Tx, key: string): Promise<MessageRow | null> {
  const [row] = await tx.select().from(messages).where(eq(messages.idempotencyKey, key));
  return row ?? null;
}

/** Resends are stored with the key `<original key>:resend:<n>`. */
export async function resendKeys(tx: Tx, rootKey: string): Promise<string[]> {
  const rows = await tx
    .select({ key: messages.idempotencyKey })
    .from(messages)
    .where(like(messages.idempotencyKey, prefixPattern(`${rootKey}:resend:`)));
  return rows.map((r) => r.key);
}

export async function ordersCreatedSince(tx: Tx, since: Date, companyId?: string) {
  return tx
    .select({ companyId: subscriptions.companyId, createdAt: subscriptions.createdAt })
    .from(subscriptions)
    .where(
      and(
        gte(subscriptions.createdAt, since),
        inArray(subscriptions.source, ['employee', 'admin', 'import']),
        companyId ? eq(subscriptions.companyId, companyId) : undefined,
      ),
    );
}

export async function pendingCreatedBefore(tx: Tx, before: Date, companyId?: string) {
  return tx
    .select({
      id: subscriptions.id,
      companyId: subscriptions.companyId,
      companyName: companies.name,
      firstName: subscriptions.firstName,
      lastName: subscriptions.lastName,
      createdAt: subscriptions.createdAt,
    })
    .from(subscriptions)
    .innerJoin(companies, eq(companies.id, subscriptions.companyId))
    .where(
      and(
        eq(subscriptions.state, 'pending'),
        lt(subscriptions.createdAt, before),
        companyId ? eq(subscriptions.companyId, companyId) : undefined,
      ),
    )
    .orderBy(asc(subscriptions.createdAt));
}

/** The live invoices (not credited) per company and month; a correction replaces its original. */
export async function invoicedByMonth(tx: Tx, fromMonth: string, toMonth: string, companyId?: string) {
  return tx
    .select({
      month: invoices.month,
      companyId: invoices.companyId,
      totalOre: sql<number>`coalesce(sum(${invoices.totalOre}), 0)::bigint`.mapWith(Number),
    })
    .from(invoices)
    .where(
      and(
        eq(invoices.kind, 'invoice'),
        isNull(invoices.creditedAt),
        gte(invoices.month, fromMonth),
        lte(invoices.month, toMonth),
        companyId ? eq(invoices.companyId, companyId) : undefined,
      ),
    )
    .groupBy(invoices.month, invoices.companyId);
}

export async function allCompanyNames(tx: Tx) {
  return tx
    .select({ id: companies.id, name: companies.name, status: companies.status })
    .from(companies)
    .orderBy(asc(companies.name));
}

export async function listStaff(tx: Tx) {
  return tx
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      operatorRole: users.operatorRole,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.role, 'operator'))
    .orderBy(asc(users.createdAt));
}

export async function findStaffForUpdate(tx: Tx, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await tx
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.role, 'operator')))
    .for('update');
  return row ?? null;
}

/** Active operator admins, locked so two demotions cannot leave none. */
export async function activeOperatorAdminsForUpdate(tx: Tx) {
  return tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.role, 'operator'),
        or(eq(users.operatorRole, 'admin'), isNull(users.operatorRole)),
        isNull(users.disabledAt),
      ),
    )
    .for('update');
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/**
 * Who holds each of the given subscriptions: of any company for messages the operator's actions
 * cause, or only of `companyId` when a company's own change causes them.
 */
export async function subscriptionHolders(tx: Tx, ids: string[], companyId?: string) {
  if (ids.length === 0) return [];
  return tx
    .select({
      id: subscriptions.id,
      companyId: subscriptions.companyId,
      phone: subscriptions.phone,
      firstName: subscriptions.firstName,
      lastName: subscriptions.lastName,
    })
    .from(subscriptions)
    .where(
      and(inArray(subscriptions.id, ids), companyId ? eq(subscriptions.companyId, companyId) : undefined),
    );
}
