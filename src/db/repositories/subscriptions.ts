import { and, asc, desc, eq, gt, gte, inArray, isNull, or } from 'drizzle-orm';
import { addDays } from '../../domain/calendar';
import type { Tx } from '../engine';
import { employees, subscriptions, subscriptionZoneSets } from '../schema';

export type SubscriptionRow = typeof subscriptions.$inferSelect;
export type ZoneSetRow = typeof subscriptionZoneSets.$inferSelect;
export type SubscriptionWithZones = SubscriptionRow & { zoneSets: ZoneSetRow[] };

/** Zone sets of the given subscriptions, oldest first. */
export async function zoneSetsOf(tx: Tx, subscriptionIds: string[]): Promise<Map<string, ZoneSetRow[]>> {
  const map = new Map<string, ZoneSetRow[]>();
  if (subscriptionIds.length === 0) return map;
  const rows = await tx
    .select()
    .from(subscriptionZoneSets)
    .where(inArray(subscriptionZoneSets.subscriptionId, subscriptionIds))
    .orderBy(asc(subscriptionZoneSets.validFrom), asc(subscriptionZoneSets.createdAt));
  for (const row of rows) map.set(row.subscriptionId, [...(map.get(row.subscriptionId) ?? []), row]);
  return map;
}

async function withZones(tx: Tx, rows: SubscriptionRow[]): Promise<SubscriptionWithZones[]> {
  const sets = await zoneSetsOf(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, zoneSets: sets.get(r.id) ?? [] }));
}

/** One subscription of one company; another company's id gives null. */
export async function findSubscription(
  tx: Tx,
  companyId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<SubscriptionWithZones | null> {
  if (!isUuid(id)) return null;
  const query = tx
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.companyId, companyId), eq(subscriptions.id, id)));
  const rows = options.forUpdate ? await query.for('update') : await query;
  const [row] = await withZones(tx, rows);
  return row ?? null;
}

export async function listSubscriptions(
  tx: Tx,
  companyId: string,
  filter: { employeeId?: string; phone?: string } = {},
): Promise<SubscriptionWithZones[]> {
  const rows = await tx
    .select()
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.companyId, companyId),
        filter.employeeId ? eq(subscriptions.employeeId, filter.employeeId) : undefined,
        filter.phone ? eq(subscriptions.phone, filter.phone) : undefined,
      ),
    )
    .orderBy(desc(subscriptions.createdAt));
  return withZones(tx, rows);
}

/**
 * Finds or creates the employee (by phone within the company) with these names and locks the row
 * for this transaction. One statement (issue 17 item 4): an upsert takes the row lock that
 * `select … for update` took, and returns the row as it now is.
 */
export async function lockEmployee(
  tx: Tx,
  companyId: string,
  phone: string,
  names: { firstName: string; lastName: string },
): Promise<typeof employees.$inferSelect> {
  const [employee] = await tx
    .insert(employees)
    .values({ companyId, phone, ...names })
    .onConflictDoUpdate({ target: [employees.companyId, employees.phone], set: names })
    .returning();
  if (!employee) throw new Error('employee row vanished');
  return employee;
}

export async function insertSubscription(
  tx: Tx,
  values: typeof subscriptions.$inferInsert,
): Promise<SubscriptionRow> {
  const [row] = await tx.insert(subscriptions).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function insertZoneSet(
  tx: Tx,
  values: {
    companyId: string;
    subscriptionId: string;
    zoneIds: string[];
    validFrom: string;
    validTo?: string | null;
  },
): Promise<typeof subscriptionZoneSets.$inferSelect> {
  const [row] = await tx
    .insert(subscriptionZoneSets)
    .values({ ...values, validTo: values.validTo ?? null })
    .returning();
  return row!;
}

export async function updateSubscription(
  tx: Tx,
  companyId: string,
  id: string,
  changes: Partial<typeof subscriptions.$inferInsert>,
  now: Date,
): Promise<SubscriptionRow> {
  const [row] = await tx
    .update(subscriptions)
    .set({ ...changes, updatedAt: now })
    .where(and(eq(subscriptions.companyId, companyId), eq(subscriptions.id, id)))
    .returning();
  if (!row) throw new Error('subscription not found for update');
  return row;
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/**
 * Rule 8: from `from` on the subscription covers `zoneIds`. Sets that had not begun by then are
 * replaced; the set in force the day before ends that day. The caller has locked the subscription.
 */
export async function replaceZoneSetsFrom(
  tx: Tx,
  sub: { id: string; companyId: string },
  zoneIds: string[],
  from: string,
) {
  const ofSub = eq(subscriptionZoneSets.subscriptionId, sub.id);
  await tx.delete(subscriptionZoneSets).where(and(ofSub, gte(subscriptionZoneSets.validFrom, from)));
  await tx
    .update(subscriptionZoneSets)
    .set({ validTo: addDays(from, -1) })
    .where(and(ofSub, or(isNull(subscriptionZoneSets.validTo), gte(subscriptionZoneSets.validTo, from))));
  await insertZoneSet(tx, { companyId: sub.companyId, subscriptionId: sub.id, zoneIds, validFrom: from });
}

/** A pending order's zone set moves with its start date. */
export async function moveZoneSetStart(
  tx: Tx,
  sub: { id: string; companyId: string },
  zoneIds: string[],
  startDate: string,
) {
  await tx.delete(subscriptionZoneSets).where(eq(subscriptionZoneSets.subscriptionId, sub.id));
  await insertZoneSet(tx, {
    companyId: sub.companyId,
    subscriptionId: sub.id,
    zoneIds,
    validFrom: startDate,
  });
}

/** The zone sets end with the subscription: none runs past `endDate`. */
export async function closeZoneSetsAt(tx: Tx, subscriptionId: string, endDate: string) {
  const ofSub = eq(subscriptionZoneSets.subscriptionId, subscriptionId);
  await tx.delete(subscriptionZoneSets).where(and(ofSub, gt(subscriptionZoneSets.validFrom, endDate)));
  await tx
    .update(subscriptionZoneSets)
    .set({ validTo: endDate })
    .where(and(ofSub, or(isNull(subscriptionZoneSets.validTo), gt(subscriptionZoneSets.validTo, endDate))));
}

/** Records the language an employee chose (creating the employee row of the phone if needed). */
export async function setEmployeeLanguage(
  tx: Tx,
  companyId: string,
  phone: string,
  language: 'nb' | 'en',
): Promise<void> {
  await tx
    .insert(employees)
    .values({ companyId, phone, language })
    .onConflictDoUpdate({ target: [employees.companyId, employees.phone], set: { language } });
}

/**
 * A planned end moves later or is withdrawn: the zone set that closed with the old end runs on to
 * `newEnd` (null = open-ended). Sets that closed earlier (a zone change) stay as they are.
 */
export async function reopenZoneSetsAt(
  tx: Tx,
  subscriptionId: string,
  oldEnd: string,
  newEnd: string | null,
) {
  await tx
    .update(subscriptionZoneSets)
    .set({ validTo: newEnd })
    .where(
      and(eq(subscriptionZoneSets.subscriptionId, subscriptionId), eq(subscriptionZoneSets.validTo, oldEnd)),
    );
}
