import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../engine';
import { billingRuns, companies, counters, invoiceLines, invoices, subscriptions } from '../schema';

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
export type BillingRunRow = typeof billingRuns.$inferSelect;
export type NewInvoice = typeof invoices.$inferInsert & { id: string };
export type NewInvoiceLine = typeof invoiceLines.$inferInsert;

const INVOICE_COUNTER = 'invoice';

/** A live invoice: an invoice (not a credit note) that no credit note has cancelled. */
const live = and(eq(invoices.kind, 'invoice'), isNull(invoices.creditedAt));

/**
 * Locks the invoice-number counter for the rest of the transaction and returns its value: every
 * transaction that writes invoices holds it, so numbers are consecutive and never skipped.
 */
export async function lockInvoiceCounter(tx: Tx): Promise<number> {
  await tx.insert(counters).values({ name: INVOICE_COUNTER, value: 0 }).onConflictDoNothing();
  const [row] = await tx.select().from(counters).where(eq(counters.name, INVOICE_COUNTER)).for('update');
  return row!.value;
}

export async function setInvoiceCounter(tx: Tx, value: number): Promise<void> {
  await tx.update(counters).set({ value }).where(eq(counters.name, INVOICE_COUNTER));
}

/** Subscriptions billable in the month: approved and valid on at least one of its days. */
function billableIn(first: string, last: string): SQL {
  return sql`${subscriptions.state} = 'approved' and ${subscriptions.startDate} <= ${last}
    and (${subscriptions.endDate} is null or ${subscriptions.endDate} >= ${first})`;
}

/** Companies with something to bill in the month and no live invoice for it yet. */
export async function companiesToBill(tx: Tx, month: string, first: string, last: string): Promise<string[]> {
  // Driven by the (few) companies: one index probe each for a billable subscription and for a live
  // invoice, instead of reading and de-duplicating every subscription.
  const rows = await tx
    .select({ id: companies.id })
    .from(companies)
    .where(
      and(
        sql`exists (select 1 from ${subscriptions} where ${subscriptions.companyId} = ${companies.id}
          and ${billableIn(first, last)})`,
        sql`not exists (select 1 from ${invoices} i where i.company_id = ${companies.id}
          and i.month = ${month} and i.kind = 'invoice' and i.credited_at is null)`,
      ),
    )
    .orderBy(asc(companies.id));
  return rows.map((r) => r.id);
}

export async function companiesByIds(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.select().from(companies).where(inArray(companies.id, ids)).orderBy(asc(companies.orgNumber));
}

export async function billableSubscriptions(tx: Tx, companyIds: string[], first: string, last: string) {
  if (companyIds.length === 0) return [];
  return tx
    .select({
      id: subscriptions.id,
      companyId: subscriptions.companyId,
      state: subscriptions.state,
      categoryId: subscriptions.categoryId,
      startDate: subscriptions.startDate,
      endDate: subscriptions.endDate,
      firstName: subscriptions.firstName,
      lastName: subscriptions.lastName,
      phone: subscriptions.phone,
      fields: subscriptions.fields,
      createdAt: subscriptions.createdAt,
    })
    .from(subscriptions)
    .where(and(inArray(subscriptions.companyId, companyIds), billableIn(first, last)))
    .orderBy(
      asc(subscriptions.lastName),
      asc(subscriptions.firstName),
      asc(subscriptions.createdAt),
      asc(subscriptions.id),
    );
}

/** The zone sets of those subscriptions that are in force during the month. */
export async function zoneSetsInMonth(tx: Tx, companyIds: string[], first: string, last: string) {
  if (companyIds.length === 0) return [];
  const result = await tx.execute(sql`
    select zs.subscription_id as "subscriptionId", zs.zone_ids as "zoneIds",
           zs.valid_from::text as "validFrom", zs.valid_to::text as "validTo"
    from subscription_zone_sets zs
    join ${subscriptions} on ${subscriptions.id} = zs.subscription_id
    where ${inArray(subscriptions.companyId, companyIds)} and ${billableIn(first, last)}
      and zs.valid_from <= ${last} and (zs.valid_to is null or zs.valid_to >= ${first})
    order by zs.subscription_id, zs.valid_from`);
  return (result as unknown as { rows: ZoneSetInMonth[] }).rows;
}
type ZoneSetInMonth = {
  subscriptionId: string;
  zoneIds: string[];
  validFrom: string;
  validTo: string | null;
};

/** Of the given companies, those that already have a live invoice for the month. */
export async function companiesWithLiveInvoice(
  tx: Tx,
  month: string,
  companyIds: string[],
): Promise<Set<string>> {
  if (companyIds.length === 0) return new Set();
  const rows = await tx
    .select({ companyId: invoices.companyId })
    .from(invoices)
    .where(and(eq(invoices.month, month), inArray(invoices.companyId, companyIds), live));
  return new Set(rows.map((r) => r.companyId));
}

/** Bulk insert: one statement per table, the rows passed as one JSON parameter. */
export async function insertInvoices(tx: Tx, rows: NewInvoice[], lines: NewInvoiceLine[]): Promise<void> {
  if (rows.length > 0) await tx.insert(invoices).values(rows);
  for (let i = 0; i < lines.length; i += 10_000) {
    const chunk = lines.slice(i, i + 10_000);
    await tx.execute(sql`
      insert into invoice_lines (invoice_id, line_no, subscription_id, description, holder_name, category_id,
        zone_ids, net_ore, vat_ore, gross_ore, days_valid, company_share_ore)
      select x.invoice_id, x.line_no, x.subscription_id, x.description, x.holder_name, x.category_id,
        x.zone_ids, x.net_ore, x.vat_ore, x.gross_ore, x.days_valid, x.company_share_ore
      from jsonb_to_recordset(${JSON.stringify(chunk.map(lineRecord))}::jsonb) as x(invoice_id uuid,
        line_no int, subscription_id uuid, description text, holder_name text, category_id text,
        zone_ids jsonb, net_ore bigint, vat_ore bigint, gross_ore bigint, days_valid int,
        company_share_ore bigint)`);
  }
}

function lineRecord(l: NewInvoiceLine) {
  return {
    invoice_id: l.invoiceId,
    line_no: l.lineNo,
    subscription_id: l.subscriptionId ?? null,
    description: l.description,
    holder_name: l.holderName,
    category_id: l.categoryId,
    zone_ids: l.zoneIds,
    net_ore: l.netOre,
    vat_ore: l.vatOre,
    gross_ore: l.grossOre,
    days_valid: l.daysValid ?? 0,
    company_share_ore: l.companyShareOre ?? 0,
  };
}

export async function markCredited(tx: Tx, invoiceId: string, at: Date): Promise<void> {
  await tx.update(invoices).set({ creditedAt: at }).where(eq(invoices.id, invoiceId));
}

/** One invoice; with a companyId, only that company's (another company's id gives null). */
export async function findInvoice(
  tx: Tx,
  id: string,
  options: { companyId?: string; forUpdate?: boolean } = {},
): Promise<InvoiceRow | null> {
  const where = and(
    eq(invoices.id, id),
    options.companyId ? eq(invoices.companyId, options.companyId) : undefined,
  );
  const query = tx.select().from(invoices).where(where);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function linesOf(tx: Tx, invoiceId: string): Promise<InvoiceLineRow[]> {
  return tx
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoiceId))
    .orderBy(asc(invoiceLines.lineNo));
}

export async function creditNoteOf(tx: Tx, invoiceId: string): Promise<InvoiceRow | null> {
  const [row] = await tx.select().from(invoices).where(eq(invoices.creditsInvoiceId, invoiceId));
  return row ?? null;
}

export async function liveInvoiceFor(tx: Tx, companyId: string, month: string): Promise<InvoiceRow | null> {
  const [row] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.companyId, companyId), eq(invoices.month, month), live));
  return row ?? null;
}

export async function liveInvoicesOfMonth(tx: Tx, month: string) {
  return tx
    .select({
      id: invoices.id,
      companyId: invoices.companyId,
      number: invoices.number,
      totalOre: invoices.totalOre,
    })
    .from(invoices)
    .where(and(eq(invoices.month, month), live))
    .orderBy(asc(invoices.number));
}

/** Invoices and credit notes, all companies (operator) or one company; newest first. */
export async function listInvoices(tx: Tx, filter: { month?: string; companyId?: string }) {
  return tx
    .select({ invoice: invoices, companyName: companies.name, orgNumber: companies.orgNumber })
    .from(invoices)
    .innerJoin(companies, eq(companies.id, invoices.companyId))
    .where(
      and(
        filter.month ? eq(invoices.month, filter.month) : undefined,
        filter.companyId ? eq(invoices.companyId, filter.companyId) : undefined,
      ),
    )
    .orderBy(desc(invoices.month), desc(invoices.number));
}

/** Whether the company's month is billed: a live invoice exists (the payroll basis is then final). */
export async function isMonthBilled(tx: Tx, companyId: string, month: string): Promise<boolean> {
  return (await liveInvoiceFor(tx, companyId, month)) !== null;
}

export async function insertRun(
  tx: Tx,
  values: { month: string; startedBy: string | null; startedAt: Date },
): Promise<BillingRunRow> {
  const [row] = await tx
    .insert(billingRuns)
    .values({ ...values, status: 'running' })
    .returning();
  return row!;
}

export async function updateRun(tx: Tx, id: string, changes: Partial<typeof billingRuns.$inferInsert>) {
  await tx.update(billingRuns).set(changes).where(eq(billingRuns.id, id));
}

export async function advanceRun(tx: Tx, id: string, companiesDone: number): Promise<void> {
  await tx
    .update(billingRuns)
    .set({ companiesDone: sql`${billingRuns.companiesDone} + ${companiesDone}` })
    .where(eq(billingRuns.id, id));
}

export async function findRun(tx: Tx, id: string): Promise<BillingRunRow | null> {
  const [row] = await tx.select().from(billingRuns).where(eq(billingRuns.id, id));
  return row ?? null;
}

export async function runsOfMonth(tx: Tx, month: string): Promise<BillingRunRow[]> {
  return tx
    .select()
    .from(billingRuns)
    .where(eq(billingRuns.month, month))
    .orderBy(desc(billingRuns.startedAt))
    .limit(20);
}

type IssuedRow = { id: string; companyId: string; number: number; totalOre: number };

export type MonthInvoiceParams = {
  month: string;
  first: string;
  last: string;
  companyIds: string[];
  runId: string | null;
  /** The number before the first one to give (the counter's value). */
  counter: number;
  /** KIDs for counter+1, counter+2, … (as many as companies). */
  kids: string[];
  issueDate: string;
  dueDate: string;
  now: Date;
  actor: { type: string; id: string | null; label: string };
};

/** A uuid[] literal for one parameter (the planner then knows how many companies a batch has). */
function uuidArray(ids: string[]): string {
  return `{${ids.join(',')}}`;
}

/**
 * The companies to bill (CTE `todo`, with their subsidy parsed once), their subscriptions valid in
 * the month (`s`, with the valid days [from_d, to_d]) and the zone set each is billed at (`zs`,
 * rule 8: the dearest in force on the month's valid days, ties to the earliest), priced as on the
 * month's first day (rule 1). Prices are looked up with one hash join on the few (category, zone
 * count) prices of the month, never per row.
 */
function monthChargesSql(p: {
  month: string;
  first: string;
  last: string;
  companies: string;
  all?: boolean;
}) {
  return sql`
    p as materialized (
      select distinct on (category_id, zone_count) category_id, zone_count, monthly_price_ore::bigint as price
      from prices where valid_from <= ${p.first}::date
      order by category_id, zone_count, valid_from desc),
    todo as materialized (
      select c.id, c.org_number, c.name, c.invoice_address, c.subsidy->>'type' as subsidy_type,
        case c.subsidy->>'type'
          when 'percent' then round((c.subsidy->>'value')::numeric * 100)::bigint
          when 'fixed' then (c.subsidy->>'value')::bigint
          else 0 end as subsidy_value
      from companies c
      where c.id = any(${p.companies}::uuid[])
        and (${p.all ?? false}::boolean or not exists (select 1 from invoices i where i.company_id = c.id
          and i.month = ${p.month}::text and i.kind = 'invoice' and i.credited_at is null))),
    s as materialized (
      select s.id, s.company_id, s.category_id, s.first_name, s.last_name, s.created_at,
        greatest(s.start_date, ${p.first}::date) as from_d,
        least(coalesce(s.end_date, ${p.last}::date), ${p.last}::date) as to_d
      from subscriptions s
      where s.company_id = any(${p.companies}::uuid[]) and s.company_id in (select id from todo)
        and s.state = 'approved' and s.start_date <= ${p.last}::date
        and (s.end_date is null or s.end_date >= ${p.first}::date)),
    sets as materialized (
      select zs.subscription_id, zs.zone_ids, zs.valid_from, s.category_id,
        least(jsonb_array_length(zs.zone_ids), 3) as zone_count
      from s cross join lateral (select * from subscription_zone_sets zs where zs.subscription_id = s.id
        and zs.valid_from <= s.to_d and (zs.valid_to is null or zs.valid_to >= s.from_d)) zs),
    zs as materialized (
      select distinct on (sets.subscription_id) sets.subscription_id, sets.zone_ids, p.price
      from sets join p on p.category_id = sets.category_id and p.zone_count = sets.zone_count
      order by sets.subscription_id, p.price desc, sets.valid_from)`;
}

/**
 * Why subscriptions of these companies cannot be billed for the month: a zone set without a price,
 * or no zone set. Asked only when the month's insert left subscriptions without a line.
 */
export async function billingProblems(
  tx: Tx,
  p: { month: string; first: string; last: string; companyIds: string[] },
) {
  const companies = uuidArray(p.companyIds);
  const result = await tx.execute(sql`
    with ${monthChargesSql({ ...p, companies, all: true })}
    (select 'PRICE_MISSING' as code, sets.subscription_id::text as "subscriptionId", sets.category_id as "categoryId",
       sets.zone_count as "zoneCount"
     from sets left join p on p.category_id = sets.category_id and p.zone_count = sets.zone_count
     where p.price is null limit 1)
    union all
    (select 'ZONES_REQUIRED', s.id::text, s.category_id, 0 from s
     where s.id not in (select subscription_id from sets) limit 1)`);
  return (
    result as unknown as { rows: { code: 'PRICE_MISSING' | 'ZONES_REQUIRED'; subscriptionId: string }[] }
  ).rows;
}

/**
 * Rules 1, 8, 11 and 12 in one set-based statement: for each company of the batch without a live
 * invoice for the month, an invoice (numbered counter+1… in organisation-number order) with a line
 * per subscription valid in the month at its full monthly price, VAT 12 % computed on the total and
 * shared over the lines by largest remainder (as allocateVat in src/domain/money.ts), the company's
 * share frozen per line, and an audit entry per invoice. The caller holds the counter lock.
 */
export async function insertMonthInvoices(tx: Tx, p: MonthInvoiceParams) {
  const companies = uuidArray(p.companyIds);
  // The batch's sorts and hashes (tens of thousands of rows) fit in memory instead of spilling to
  // disk; for this transaction only.
  await tx.execute(sql`set local work_mem = '64MB'`);
  const result = await tx.execute(sql`
    with ${monthChargesSql({ ...p, companies })},
    zsn as materialized (
      select u.subscription_id, g.zone_ids, u.price, n.names
      from (select zone_ids, array_agg(subscription_id) as ids, array_agg(price) as prices from zs group by zone_ids) g
      cross join lateral (
        select string_agg(coalesce(z.name, e.id), ', ' order by e.ord) as names
        from jsonb_array_elements_text(g.zone_ids) with ordinality as e(id, ord) left join zones z on z.id = e.id) n
      cross join lateral unnest(g.ids, g.prices) as u(subscription_id, price)),
    l as (
      select s.company_id, s.id as subscription_id, s.first_name, s.last_name, s.category_id, zsn.zone_ids,
        zsn.price as gross,
        row_number() over (partition by s.company_id order by s.last_name, s.first_name, s.created_at, s.id) as line_no,
        s.to_d - s.from_d + 1 as days_valid,
        case t.subsidy_type
          when 'percent' then (2 * zsn.price * t.subsidy_value + 10000) / 20000
          when 'fixed' then least(t.subsidy_value, zsn.price)
          else 0 end as share,
        'Bedriftsbillett ' || ${p.month}::text || ': ' || coalesce(cat.name, s.category_id) || ', ' || zsn.names as description
      from s join zsn on zsn.subscription_id = s.id join todo t on t.id = s.company_id
      left join categories cat on cat.id = s.category_id),
    r as (
      select l.*, (l.gross * 100) / 112 as base,
        row_number() over (partition by l.company_id order by (l.gross * 100) % 112 desc, l.line_no) as rank,
        (2 * sum(l.gross) over w * 100 + 112) / 224 - sum((l.gross * 100) / 112) over w as remaining
      from l window w as (partition by l.company_id)),
    lines as materialized (
      select r.*, r.base + case when r.rank <= r.remaining then 1 else 0 end as net from r),
    totals as (
      select t.company_id, t.net, t.gross, row_number() over (order by c.org_number, c.id) as seq
      from (select company_id, sum(net)::bigint as net, sum(gross)::bigint as gross from lines group by company_id) t
      join todo c on c.id = t.company_id),
    ins as (
      insert into invoices (company_id, month, kind, number, net_ore, vat_ore, total_ore, issue_date, due_date,
        kid, buyer, billing_run_id, created_at)
      select t.company_id, ${p.month}::text, 'invoice', ${p.counter}::bigint + t.seq, t.net, t.gross - t.net, t.gross,
        ${p.issueDate}::date, ${p.dueDate}::date, ${JSON.stringify(p.kids)}::jsonb ->> (t.seq - 1)::int,
        jsonb_build_object('orgNumber', c.org_number, 'name', c.name, 'address', c.invoice_address,
          'reference', coalesce(nullif(trim(c.invoice_address->>'reference'), ''), 'Bedriftsbillett ' || ${p.month}::text)),
        ${p.runId}::uuid, ${p.now.toISOString()}::timestamptz
      from totals t join todo c on c.id = t.company_id
      returning id, company_id, number, total_ore, vat_ore),
    written as (
      insert into invoice_lines (invoice_id, line_no, subscription_id, description, holder_name, category_id, zone_ids,
        net_ore, vat_ore, gross_ore, days_valid, company_share_ore)
      select ins.id, lines.line_no, lines.subscription_id, lines.description,
        lines.first_name || ' ' || lines.last_name, lines.category_id, lines.zone_ids,
        lines.net, lines.gross - lines.net, lines.gross, lines.days_valid, lines.share
      from lines join ins on ins.company_id = lines.company_id
      returning 1),
    audited as (
      insert into audit_log (company_id, actor_type, actor_id, actor_label, action, entity_type, entity_id, "after", at)
      select ins.company_id, ${p.actor.type}::text, ${p.actor.id}::text, ${p.actor.label}::text, 'invoice.created', 'invoice', ins.id::text,
        jsonb_build_object('number', ins.number, 'month', ${p.month}::text, 'totalOre', ins.total_ore, 'vatOre', ins.vat_ore,
          'billingRunId', ${p.runId}::text),
        ${p.now.toISOString()}::timestamptz
      from ins returning 1)
    select (select count(*) from s)::int as subscriptions, (select count(*) from written)::int as lines,
      (select count(*) from audited)::int as audited,
      coalesce((select jsonb_agg(jsonb_build_object('id', ins.id, 'companyId', ins.company_id,
        'number', ins.number, 'totalOre', ins.total_ore) order by ins.number) from ins), '[]'::jsonb) as invoices`);
  const [row] = (
    result as unknown as { rows: { subscriptions: number; lines: number; invoices: IssuedRow[] | string }[] }
  ).rows;
  const invoices =
    typeof row!.invoices === 'string' ? (JSON.parse(row!.invoices) as IssuedRow[]) : row!.invoices;
  return {
    invoices: invoices.map((i) => ({ ...i, number: Number(i.number), totalOre: Number(i.totalOre) })),
    /** Every billable subscription got its line (else a price or a zone set is missing). */
    complete: row!.lines === row!.subscriptions,
  };
}
