import { and, eq, getTableColumns, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { ListCursor, ListDirection, ListFilter, ListSort } from '../../domain/subscription-list';
import type { Tx } from '../engine';
import { subscriptions } from '../schema';
import { containsPattern } from './like';
import { type SubscriptionWithZones, zoneSetsOf } from './subscriptions';

type Clock = { today: string; now: Date };

/**
 * The derived status (src/domain/subscription.ts `deriveStatus`) as SQL, so the list filters and
 * sorts by it in the database. Kept equal to the domain rule by test/integration/subscription-list.
 */
function statusSql(c: Clock): SQL<string> {
  const s = subscriptions;
  return sql<string>`case
    when ${s.state} <> 'approved' then ${s.state}
    when ${s.revokedAt} is not null and ${s.revokedAt} <= ${c.now.toISOString()}::timestamptz then 'ended'
    when ${s.endDate} is not null and ${s.endDate} < ${c.today}::date then 'ended'
    when ${s.startDate} > ${c.today}::date then 'approved'
    else 'active' end`;
}

const STATUS_RANK = ['pending', 'approved', 'active', 'ended', 'rejected', 'cancelled'];

type Key = { expr: SQL; cast: 'text' | 'int' | 'date' };

/** The sort keys of each sort; the last name, first name and id make the order total. */
function sortKeys(sort: ListSort, c: Clock): Key[] {
  const s = subscriptions;
  const name: Key[] = [
    { expr: sql`lower(${s.lastName})`, cast: 'text' },
    { expr: sql`lower(${s.firstName})`, cast: 'text' },
  ];
  switch (sort) {
    case 'name':
      return name;
    case 'status':
      return [
        {
          expr: sql`array_position(array[${sql.join(
            STATUS_RANK.map((r) => sql`${r}`),
            sql`, `,
          )}]::text[], ${statusSql(c)})`,
          cast: 'int',
        },
        ...name,
      ];
    case 'start':
      return [{ expr: sql`${s.startDate}`, cast: 'date' }, ...name];
    case 'end':
      return [{ expr: sql`coalesce(${s.endDate}, '9999-12-31'::date)`, cast: 'date' }, ...name];
    case 'department':
      // Issue 16 item 6: by the department's name; those without one first (as the empty name).
      return [
        {
          expr: sql`coalesce((select lower(d.name) from departments d where d.id = ${s.departmentId}), '')`,
          cast: 'text',
        },
        ...name,
      ];
  }
}

/** Item 16.6: the arity of a sort's cursor values. */
export function sortArity(sort: ListSort): number {
  return sort === 'name' ? 2 : 3;
}

/** Free text: every word in the name, or the digits in the phone, or the text in a form field. */
function searchSql(q: string): SQL | undefined {
  const s = subscriptions;
  const text = q.trim();
  if (!text) return undefined;
  if (/^[\d\s+()-]+$/.test(text)) {
    const digits = text.replace(/\D/g, '');
    if (!digits) return undefined;
    return sql`(${s.phone} like ${containsPattern(digits)} or ${s.fields}::text like ${containsPattern(digits)})`;
  }
  const words = text.toLowerCase().split(/\s+/).slice(0, 10);
  return and(
    ...words.map(
      (w) =>
        sql`(lower(${s.firstName} || ' ' || ${s.lastName}) like ${containsPattern(w)} or lower(${s.fields}::text) like ${containsPattern(w)})`,
    ),
  );
}

/** The zone set in force on the day the list shows (today, or the start, or the last day). */
function zoneSql(zoneId: string, c: Clock): SQL {
  const s = subscriptions;
  const day = sql`least(greatest(${c.today}::date, ${s.startDate}), coalesce(${s.endDate}, greatest(${c.today}::date, ${s.startDate})))`;
  return sql`exists (select 1 from subscription_zone_sets z where z.subscription_id = ${s.id}
    and z.company_id = ${s.companyId} and z.zone_ids @> jsonb_build_array(${zoneId}::text)
    and z.valid_from <= ${day} and (z.valid_to is null or z.valid_to >= ${day}))`;
}

function filterSql(filter: ListFilter, c: Clock): (SQL | undefined)[] {
  const s = subscriptions;
  return [
    filter.status ? sql`${statusSql(c)} = ${filter.status}` : undefined,
    filter.categoryId ? eq(s.categoryId, filter.categoryId) : undefined,
    filter.zoneId ? zoneSql(filter.zoneId, c) : undefined,
    filter.plannedEnd === 'yes'
      ? sql`(${s.state} = 'approved' and ${s.revokedAt} is null and ${s.endDate} >= ${c.today}::date)`
      : undefined,
    filter.plannedEnd === 'no' ? sql`${s.endDate} is null` : undefined,
    filter.endsBy ? sql`${s.endDate} <= ${filter.endsBy}::date` : undefined,
    filter.q ? searchSql(filter.q) : undefined,
    filter.department === 'none' ? isNull(s.departmentId) : undefined,
    filter.department && filter.department !== 'none' ? eq(s.departmentId, filter.department) : undefined,
    filter.departmentScope
      ? filter.departmentScope.length > 0
        ? inArray(s.departmentId, filter.departmentScope)
        : sql`false`
      : undefined,
  ];
}

function afterSql(keys: Key[], cursor: ListCursor, dir: ListDirection): SQL {
  const left = sql.join([...keys.map((k) => k.expr), sql`${subscriptions.id}`], sql`, `);
  const right = sql.join(
    [...keys.map((k, i) => sql`${cursor.values[i]}::${sql.raw(k.cast)}`), sql`${cursor.id}::uuid`],
    sql`, `,
  );
  return dir === 'asc' ? sql`(${left}) > (${right})` : sql`(${left}) < (${right})`;
}

/**
 * Item 16.6: one page of a company's subscriptions in the database: filtered, sorted (keyset on
 * the sort keys and id, so a page costs the same at row 5 000 as at row 1), `limit` rows or all
 * when limit is undefined. Returns each row with its zone sets and its sort values for the cursor.
 */
export async function pageSubscriptions(
  tx: Tx,
  companyId: string,
  q: {
    filter: ListFilter;
    sort: ListSort;
    dir: ListDirection;
    after?: ListCursor;
    limit?: number;
    today: string;
    now: Date;
  },
): Promise<{ row: SubscriptionWithZones; keys: (string | number)[] }[]> {
  const clock = { today: q.today, now: q.now };
  const keys = sortKeys(q.sort, clock);
  const direction = q.dir === 'asc' ? sql`asc` : sql`desc`;
  const query = tx
    .select({
      ...getTableColumns(subscriptions),
      sortKeys: sql<(string | number)[]>`json_build_array(${sql.join(
        keys.map((k) => (k.cast === 'date' ? sql`(${k.expr})::text` : k.expr)),
        sql`, `,
      )})`,
    })
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.companyId, companyId),
        ...filterSql(q.filter, clock),
        q.after ? afterSql(keys, q.after, q.dir) : undefined,
      ),
    )
    .orderBy(...keys.map((k) => sql`${k.expr} ${direction}`), sql`${subscriptions.id} ${direction}`);
  const rows = q.limit === undefined ? await query : await query.limit(q.limit);
  const sets = await zoneSetsOf(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map(({ sortKeys: values, ...row }) => ({
    row: { ...row, zoneSets: sets.get(row.id) ?? [] },
    keys: typeof values === 'string' ? JSON.parse(values) : values,
  }));
}
