import { and, asc, count, desc, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
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
  // One statement: creates the row the first time, else locks it (waiting for a transaction that
  // holds it) and returns the value as that transaction left it.
  const [row] = await tx
    .insert(counters)
    .values({ name: INVOICE_COUNTER, value: 0 })
    .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value}` } })
    .returning({ value: counters.value });
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

/** Bulk insert: one statement per table, the rows passed as one JSON parameter. */
export async function insertInvoices(tx: Tx, rows: NewInvoice[], lines: NewInvoiceLine[]): Promise<void> {
  if (rows.length > 0) await tx.insert(invoices).values(rows);
  for (let i = 0; i < lines.length; i += 10_000) {
    const chunk = lines.slice(i, i + 10_000);
    await tx.execute(sql`
      insert into invoice_lines (invoice_id, line_no, subscription_id, description, holder_name, category_id,
        zone_ids, net_ore, vat_ore, gross_ore, days_valid, company_share_ore, department_id, department_name,
        cost_centre)
      select x.invoice_id, x.line_no, x.subscription_id, x.description, x.holder_name, x.category_id,
        x.zone_ids, x.net_ore, x.vat_ore, x.gross_ore, x.days_valid, x.company_share_ore, x.department_id,
        x.department_name, x.cost_centre
      from jsonb_to_recordset(${JSON.stringify(chunk.map(lineRecord))}::jsonb) as x(invoice_id uuid,
        line_no int, subscription_id uuid, description text, holder_name text, category_id text,
        zone_ids jsonb, net_ore bigint, vat_ore bigint, gross_ore bigint, days_valid int,
        company_share_ore bigint, department_id uuid, department_name text, cost_centre text)`);
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
    department_id: l.departmentId ?? null,
    department_name: l.departmentName ?? null,
    cost_centre: l.costCentre ?? null,
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

/**
 * A live invoice of the company for the month; with `departmentId` (null = the company's own) the
 * one for that department (issue 16 item 3), else any.
 */
export async function liveInvoiceFor(
  tx: Tx,
  companyId: string,
  month: string,
  options: { departmentId?: string | null } = {},
): Promise<InvoiceRow | null> {
  const department =
    options.departmentId === undefined
      ? undefined
      : options.departmentId === null
        ? isNull(invoices.departmentId)
        : eq(invoices.departmentId, options.departmentId);
  const [row] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.companyId, companyId), eq(invoices.month, month), live, department))
    .orderBy(asc(invoices.number));
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
export async function listInvoices(
  tx: Tx,
  filter: { month?: string; companyId?: string; departmentIds?: string[] | null },
) {
  return tx
    .select({ invoice: invoices, companyName: companies.name, orgNumber: companies.orgNumber })
    .from(invoices)
    .innerJoin(companies, eq(companies.id, invoices.companyId))
    .where(
      and(
        filter.month ? eq(invoices.month, filter.month) : undefined,
        filter.companyId ? eq(invoices.companyId, filter.companyId) : undefined,
        filter.departmentIds
          ? filter.departmentIds.length > 0
            ? inArray(invoices.departmentId, filter.departmentIds)
            : sql`false`
          : undefined,
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

/**
 * Once a run of `month` has finished it, earlier runs of the month still marked running died on the
 * way (their process was killed): they are closed as failed, INTERRUPTED. A run that was in fact
 * still going marks itself done when it ends.
 */
export async function closeInterruptedRuns(tx: Tx, month: string, finishedRunId: string, at: Date) {
  await tx
    .update(billingRuns)
    .set({ status: 'failed', error: 'INTERRUPTED', finishedAt: at })
    .where(
      and(eq(billingRuns.month, month), eq(billingRuns.status, 'running'), ne(billingRuns.id, finishedRunId)),
    );
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

/** A company's invoice whose lines are written but which has no number yet (insertMonthLines). */
export type PendingInvoice = {
  id: string;
  companyId: string;
  /** The department whose own invoice this is (issue 16 item 3), else null. */
  departmentId: string | null;
  netOre: number;
  grossOre: number;
};

/** A uuid[] literal for one parameter (the planner then knows how many companies a batch has). */
function uuidArray(ids: string[]): string {
  return `{${ids.join(',')}}`;
}

/**
 * Every billable subscription of the batch's companies (CTE `zs`: approved and valid on at least
 * one day of the month) with the zone set it is billed at (rule 8: the dearest in force on its
 * valid days in the month, ties to the earliest) and that set's price as on the month's first day
 * (rule 1, CTE `p`: the few prices of the month with their category's name, looked up with one hash
 * join). A subscription without a zone set in the month, or whose zone sets have no price, still
 * has its row, with a null price: the caller counts those.
 *
 * The columns are kept in this order on purpose: the fixed-width ones first, so that the sorts
 * reading them find them at a known offset in each row.
 */
function billableInMonthSql(p: { first: string; last: string; companies: string }) {
  return sql`
    p as materialized (
      select distinct on (pr.category_id, pr.zone_count) pr.category_id, pr.zone_count,
        pr.monthly_price_ore::bigint as price, coalesce(c.name, pr.category_id) as category_name
      from prices pr left join categories c on c.id = pr.category_id
      where pr.valid_from <= ${p.first}::date
      order by pr.category_id, pr.zone_count, pr.valid_from desc),
    zs as materialized (
      select distinct on (s.id) s.id, s.company_id, s.created_at, p.price, z.valid_from,
        least(coalesce(s.end_date, ${p.last}::date), ${p.last}::date)
          - greatest(s.start_date, ${p.first}::date) + 1 as days_valid,
        -- The invoice it goes on (issue 16 item 3): its department's when the company has one
        -- invoice per department, else the company's (the zero uuid).
        coalesce(case when co.invoice_split = 'department' then s.department_id end,
          '00000000-0000-0000-0000-000000000000'::uuid) as inv_key,
        s.department_id,
        s.last_name, s.first_name, s.category_id, p.category_name,
        z.zone_key, z.zone_ids
      from subscriptions s
      join companies co on co.id = s.company_id
      left join subscription_zone_sets z on z.subscription_id = s.id and z.company_id = any(${p.companies}::uuid[])
        and z.valid_from <= least(coalesce(s.end_date, ${p.last}::date), ${p.last}::date)
        and (z.valid_to is null or z.valid_to >= greatest(s.start_date, ${p.first}::date))
      -- No zone set, no price (least() would turn the missing count into 3).
      left join p on z.zone_ids is not null and p.category_id = s.category_id
        and p.zone_count = least(jsonb_array_length(z.zone_ids), 3)
      where s.company_id = any(${p.companies}::uuid[]) and s.state = 'approved'
        and s.start_date <= ${p.last}::date and (s.end_date is null or s.end_date >= ${p.first}::date)
      order by s.id, p.price desc nulls last, z.valid_from)`;
}

/**
 * Why subscriptions of these companies cannot be billed for the month: no zone set in the month, or
 * no price for the zone set. Asked only when the month's insert left subscriptions without a line.
 */
export async function billingProblems(tx: Tx, p: { first: string; last: string; companyIds: string[] }) {
  const result = await tx.execute(sql`
    with ${billableInMonthSql({ ...p, companies: uuidArray(p.companyIds) })}
    select case when zs.zone_ids is null then 'ZONES_REQUIRED' else 'PRICE_MISSING' end as code,
      zs.id::text as "subscriptionId", zs.category_id as "categoryId",
      case when zs.zone_ids is null then 0 else least(jsonb_array_length(zs.zone_ids), 3) end as "zoneCount"
    from zs where zs.price is null
    order by zs.zone_ids is null, zs.id limit 1`);
  return (
    result as unknown as { rows: { code: 'PRICE_MISSING' | 'ZONES_REQUIRED'; subscriptionId: string }[] }
  ).rows;
}

/**
 * Rules 1, 8, 11 and 12, first half, in one set-based statement: for each company of the batch
 * without a live invoice for the month (CTE `inv`, with a fresh invoice id and its totals), the
 * lines of its coming invoice: a line per subscription valid in the month at its full monthly
 * price, in name order, each line's net and VAT split on its own as invoiceAmounts
 * (src/domain/money.ts) does, and the company's share frozen per line. No lock is
 * taken: several batches compute and write their lines at once; insertMonthInvoices then numbers
 * them under the lock.
 *
 * Shaped for speed (issue 6; measured in docs/decisions/005): each line's row is sorted once (for
 * the line order) and written once; the small lookups (invoice, zone names) are joined by hash on
 * keys whose sizes the planner knows; zone names are made once per distinct zone set (`zone_key`).
 */
export async function insertMonthLines(
  tx: Tx,
  p: { month: string; first: string; last: string; companyIds: string[] },
) {
  const companies = uuidArray(p.companyIds);
  // The batch's sorts and hashes (tens of thousands of rows) fit in memory instead of spilling to
  // disk; for this transaction only.
  await tx.execute(sql`set local work_mem = '64MB'`);
  const result = await tx.execute(sql`
    with ${billableInMonthSql({ ...p, companies })},
    -- Per invoice: its gross, net (VAT on the total), the øre that rounding each line's net down
    -- leaves over, and the company's subsidy parsed once.
    inv as materialized (
      select c.id as company_id, sums.inv_key, gen_random_uuid() as invoice_id, sums.subscriptions, sums.gross,
        sums.net,
        case c.subsidy->>'type'
          when 'percent' then round((c.subsidy->>'value')::numeric * 100)::bigint
          when 'fixed' then (c.subsidy->>'value')::bigint
          else 0 end as subsidy_value,
        c.subsidy->>'type' as subsidy_type
      from (select company_id, inv_key, count(*) as subscriptions,
          coalesce(sum(price), 0)::bigint as gross,
          -- Each line's net on its own (half-up), so equal prices get equal lines (issue 14 item 7).
          coalesce(sum((2 * price * 100 + 112) / 224), 0)::bigint as net
        from zs group by company_id, inv_key) sums
      join companies c on c.id = sums.company_id
      -- One live invoice per company (or company department) and month (issue 16 item 3).
      where not exists (select 1 from invoices i where i.company_id = c.id
        and i.month = ${p.month}::text and i.kind = 'invoice' and i.credited_at is null
        and coalesce(i.department_id, '00000000-0000-0000-0000-000000000000'::uuid) = sums.inv_key)),
    -- The zone names of each distinct zone set, made once.
    zn as materialized (
      select g.zone_key, (select string_agg(coalesce(z.name, e.id), ', ' order by e.ord)
          from jsonb_array_elements_text(g.zone_key::jsonb) with ordinality as e(id, ord)
          left join zones z on z.id = e.id) as names
      from (select distinct zone_key from zs where price is not null) g),
    l as (
      select zs.company_id, zs.created_at, zs.id, zs.last_name, zs.first_name,
        inv.invoice_id, zs.price, zs.days_valid, inv.subsidy_value,
        row_number() over w as line_no,
        inv.subsidy_type, zs.category_id, zs.zone_ids,
        zs.department_id, d.name as department_name, d.cost_centre,
        'Bedriftsbillett ' || ${p.month}::text || ': ' || zs.category_name || ', ' || zn.names as description
      from zs
      join inv on inv.company_id = zs.company_id and inv.inv_key = zs.inv_key
      join zn on zn.zone_key = zs.zone_key
      left join departments d on d.id = zs.department_id
      where zs.price is not null
      -- Lines grouped by department (by name, those without one last), then by holder's name.
      window w as (partition by inv.invoice_id order by lower(d.name) nulls last, d.id, zs.last_name,
        zs.first_name, zs.created_at, zs.id rows unbounded preceding)),
    written as (
      insert into invoice_lines (invoice_id, line_no, subscription_id, description, holder_name, category_id, zone_ids,
        net_ore, vat_ore, gross_ore, days_valid, company_share_ore, department_id, department_name, cost_centre)
      select l.invoice_id, l.line_no, l.id, l.description, l.first_name || ' ' || l.last_name,
        l.category_id, l.zone_ids, (2 * l.price * 100 + 112) / 224, l.price - (2 * l.price * 100 + 112) / 224, l.price,
        l.days_valid,
        case l.subsidy_type
          when 'percent' then (2 * l.price * l.subsidy_value + 10000) / 20000
          when 'fixed' then least(l.subsidy_value, l.price)
          else 0 end,
        l.department_id, l.department_name, l.cost_centre
      from l
      returning 1)
    select coalesce((select sum(subscriptions) from inv), 0)::int as subscriptions,
      -- The lines actually written: a line lost on the way can never leave an invoice short.
      (select count(*) from written)::int as lines,
      coalesce((select jsonb_agg(jsonb_build_object('id', inv.invoice_id, 'companyId', inv.company_id,
        'departmentId', nullif(inv.inv_key, '00000000-0000-0000-0000-000000000000'::uuid),
        'netOre', inv.net, 'grossOre', inv.gross)) from inv), '[]'::jsonb) as invoices`);
  const [row] = (
    result as unknown as {
      rows: { subscriptions: number; lines: number; invoices: PendingInvoice[] | string }[];
    }
  ).rows;
  const invoices = parseJson(row!.invoices).map((i) => ({
    ...i,
    netOre: Number(i.netOre),
    grossOre: Number(i.grossOre),
  }));
  return {
    invoices,
    /** Every billable subscription got its line (else a price or a zone set is missing). */
    complete: row!.lines === row!.subscriptions,
  };
}

/** jsonb comes back parsed from PostgreSQL and as text from PGlite. */
function parseJson<T>(value: T[] | string): T[] {
  return typeof value === 'string' ? (JSON.parse(value) as T[]) : value;
}

export type MonthInvoiceParams = {
  month: string;
  pending: PendingInvoice[];
  runId: string | null;
  /** The number before the first one to give (the counter's value). */
  counter: number;
  /** KIDs for counter+1, counter+2, … (one per pending invoice). */
  kids: string[];
  issueDate: string;
  dueDate: string;
  now: Date;
  actor: { type: string; id: string | null; label: string };
};

/**
 * Rule 11, second half: the invoices for lines written by insertMonthLines, numbered counter+1… in
 * organisation-number order, with an audit entry each; the counter moves past the last number.
 * The caller holds the counter lock, so every other invoice-writing transaction has committed or
 * not begun: a company that another run has invoiced meanwhile is seen here, gets no invoice, and
 * its lines are removed. No duplicate, no gap.
 */
export async function insertMonthInvoices(tx: Tx, p: MonthInvoiceParams): Promise<IssuedRow[]> {
  const pending = JSON.stringify(
    p.pending.map((i) => ({
      id: i.id,
      company_id: i.companyId,
      department_id: i.departmentId,
      net: i.netOre,
      gross: i.grossOre,
    })),
  );
  const result = await tx.execute(sql`
    with pending as (
      select x.id, x.company_id, x.department_id, x.net, x.gross
      from jsonb_to_recordset(${pending}::jsonb) as x(id uuid, company_id uuid, department_id uuid, net bigint,
        gross bigint)),
    todo as (
      select pending.*, c.org_number, c.name, c.invoice_address,
        d.name as department_name, d.cost_centre, d.buyer_reference, d.invoice_address as department_address,
        row_number() over (order by c.org_number, c.id, lower(d.name) nulls first, d.id) as seq
      from pending join companies c on c.id = pending.company_id
      left join departments d on d.id = pending.department_id and d.company_id = pending.company_id
      -- One index probe per company (a correlated NOT EXISTS was planned as a scan of every
      -- invoice of the month per company, which grew with the square of the run); one live
      -- invoice per company (or company department) and month (issue 16 item 3).
      where (pending.company_id, coalesce(pending.department_id, '00000000-0000-0000-0000-000000000000'::uuid))
        not in (select i.company_id, coalesce(i.department_id, '00000000-0000-0000-0000-000000000000'::uuid)
          from invoices i
          where i.company_id = any(${uuidArray(p.pending.map((i) => i.companyId))}::uuid[])
            and i.month = ${p.month}::text and i.kind = 'invoice' and i.credited_at is null)),
    ins as (
      insert into invoices (id, company_id, month, kind, number, net_ore, vat_ore, rounding_ore, total_ore, issue_date,
        due_date, kid, buyer, department_id, billing_run_id, created_at)
      -- VAT 12 % on the sum of the line nets, half-up (BR-CO-17); the rest of the sum of the prices
      -- is the rounding amount (BT-114), as invoiceAmounts (src/domain/money.ts) computes.
      select t.id, t.company_id, ${p.month}::text, 'invoice', ${p.counter}::bigint + t.seq, t.net,
        (2 * t.net * 12 + 100) / 200, t.gross - t.net - (2 * t.net * 12 + 100) / 200, t.gross,
        ${p.issueDate}::date, ${p.dueDate}::date, ${JSON.stringify(p.kids)}::jsonb ->> (t.seq - 1)::int,
        -- A department's invoice (issue 16 item 3) carries its buyer reference (BT-10) and its own
        -- address when it has one (the company's email and Peppol endpoint stay).
        jsonb_build_object('orgNumber', t.org_number, 'name', t.name,
          'address', case when t.department_address is null then t.invoice_address
            else coalesce(t.invoice_address, '{}'::jsonb) || t.department_address end,
          'reference', coalesce(nullif(trim(t.buyer_reference), ''),
            nullif(trim(t.invoice_address->>'reference'), ''), 'Bedriftsbillett ' || ${p.month}::text),
          'department', case when t.department_id is null then null
            else jsonb_build_object('id', t.department_id, 'name', t.department_name, 'costCentre', t.cost_centre) end),
        t.department_id, ${p.runId}::uuid, ${p.now.toISOString()}::timestamptz
      from todo t
      returning id, company_id, department_id, number, total_ore, vat_ore),
    counted as (
      update counters set value = ${p.counter}::bigint + (select count(*) from ins) where name = ${INVOICE_COUNTER}
      returning 1),
    dropped as (
      delete from invoice_lines
      where invoice_id in (select id from pending where id not in (select id from todo))
      returning 1),
    audited as (
      insert into audit_log (company_id, actor_type, actor_id, actor_label, action, entity_type, entity_id, "after", at)
      select ins.company_id, ${p.actor.type}::text, ${p.actor.id}::text, ${p.actor.label}::text, 'invoice.created', 'invoice', ins.id::text,
        jsonb_build_object('number', ins.number, 'month', ${p.month}::text, 'totalOre', ins.total_ore, 'vatOre', ins.vat_ore,
          'billingRunId', ${p.runId}::text, 'departmentId', ins.department_id),
        ${p.now.toISOString()}::timestamptz
      from ins returning 1)
    select (select count(*) from dropped)::int as dropped, (select count(*) from audited)::int as audited,
      (select count(*) from counted)::int as counted,
      coalesce((select jsonb_agg(jsonb_build_object('id', ins.id, 'companyId', ins.company_id,
        'number', ins.number, 'totalOre', ins.total_ore) order by ins.number) from ins), '[]'::jsonb) as invoices`);
  const [row] = (result as unknown as { rows: { invoices: IssuedRow[] | string }[] }).rows;
  return parseJson(row!.invoices).map((i) => ({
    ...i,
    number: Number(i.number),
    totalOre: Number(i.totalOre),
  }));
}

/** The invoice lines of the invoices a billing run issued (for the run's metrics). */
export async function countRunLines(tx: Tx, runId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(eq(invoices.billingRunId, runId));
  return row?.n ?? 0;
}
