import { and, asc, count, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '../engine';
import { departments, subscriptions } from '../schema';
import { isUuid } from './subscriptions';

export type DepartmentRow = typeof departments.$inferSelect;
export type DepartmentValues = Pick<
  DepartmentRow,
  'name' | 'costCentre' | 'buyerReference' | 'invoiceAddress'
>;

/** A company's departments by name (issue 16 item 3), each with its count of subscriptions. */
export async function listDepartments(
  tx: Tx,
  companyId: string,
  options: { ids?: string[] } = {},
): Promise<(DepartmentRow & { subscriptions: number })[]> {
  const rows = await tx
    .select({
      department: departments,
      // Aliased and qualified by hand: drizzle writes a column of a select's own table without its
      // table name, and inside this subquery a bare "id" would be the subscription's (count 0).
      subscriptions: sql<number>`(select count(*) from ${subscriptions} as s
        where s.company_id = ${companyId} and s.department_id = ${departments}.id)::int`,
    })
    .from(departments)
    .where(
      and(
        eq(departments.companyId, companyId),
        options.ids ? inArray(departments.id, options.ids.filter(isUuid)) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${departments.name})`), asc(departments.id));
  return rows.map((r) => ({ ...r.department, subscriptions: Number(r.subscriptions) }));
}

/** One department of the company; another company's (or a malformed id) is null. */
export async function findDepartment(
  tx: Tx,
  companyId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<DepartmentRow | null> {
  if (!isUuid(id)) return null;
  const query = tx
    .select()
    .from(departments)
    .where(and(eq(departments.companyId, companyId), eq(departments.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/**
 * The company's department whose name or cost centre equals `key` (case-insensitive), as an import
 * column names it; null when none does.
 */
export async function findDepartmentByKey(
  tx: Tx,
  companyId: string,
  key: string,
): Promise<DepartmentRow | null> {
  const k = key.trim().toLowerCase();
  const rows = await tx
    .select()
    .from(departments)
    .where(
      and(
        eq(departments.companyId, companyId),
        sql`(lower(${departments.name}) = ${k} or lower(${departments.costCentre}) = ${k})`,
      ),
    )
    .orderBy(asc(departments.name));
  return rows[0] ?? null;
}

/** Whether another department of the company has this name or cost centre (case-insensitive). */
export async function departmentClash(
  tx: Tx,
  companyId: string,
  values: { name: string; costCentre: string },
  exceptId?: string,
): Promise<'name' | 'costCentre' | null> {
  const rows = await tx
    .select({ name: departments.name, costCentre: departments.costCentre })
    .from(departments)
    .where(
      and(
        eq(departments.companyId, companyId),
        exceptId ? ne(departments.id, exceptId) : undefined,
        sql`(lower(${departments.name}) = ${values.name.toLowerCase()}
          or lower(${departments.costCentre}) = ${values.costCentre.toLowerCase()})`,
      ),
    );
  if (rows.some((r) => r.name.toLowerCase() === values.name.toLowerCase())) return 'name';
  return rows.length > 0 ? 'costCentre' : null;
}

export async function insertDepartment(
  tx: Tx,
  companyId: string,
  values: DepartmentValues,
  now: Date,
): Promise<DepartmentRow> {
  const [row] = await tx
    .insert(departments)
    .values({ ...values, companyId, createdAt: now, updatedAt: now })
    .returning();
  return row!;
}

export async function updateDepartment(
  tx: Tx,
  companyId: string,
  id: string,
  values: Partial<DepartmentValues>,
  now: Date,
): Promise<DepartmentRow> {
  const [row] = await tx
    .update(departments)
    .set({ ...values, updatedAt: now })
    .where(and(eq(departments.companyId, companyId), eq(departments.id, id)))
    .returning();
  if (!row) throw new Error('department not found for update');
  return row;
}

/** How many subscriptions (of any state) belong to the department. */
export async function departmentSubscriptionCount(tx: Tx, companyId: string, id: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(subscriptions)
    .where(and(eq(subscriptions.companyId, companyId), eq(subscriptions.departmentId, id)));
  return row?.n ?? 0;
}

export async function deleteDepartment(tx: Tx, companyId: string, id: string): Promise<void> {
  await tx.delete(departments).where(and(eq(departments.companyId, companyId), eq(departments.id, id)));
}

/** Moves one of the company's subscriptions to a department (null: none). */
export async function setSubscriptionDepartment(
  tx: Tx,
  companyId: string,
  subscriptionId: string,
  departmentId: string | null,
  now: Date,
): Promise<void> {
  await tx
    .update(subscriptions)
    .set({ departmentId, updatedAt: now })
    .where(and(eq(subscriptions.companyId, companyId), eq(subscriptions.id, subscriptionId)));
}
