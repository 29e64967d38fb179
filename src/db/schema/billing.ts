import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './common';
import { companies } from './companies';

/** Gapless counters (invoice numbers): incremented under a row lock inside the writing transaction. */
export const counters = pgTable('counters', {
  name: text('name').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull().default(0),
});

export const billingRuns = pgTable(
  'billing_runs',
  {
    id: id(),
    month: text('month').notNull(),
    status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
    companiesTotal: integer('companies_total').notNull().default(0),
    companiesDone: integer('companies_done').notNull().default(0),
    error: text('error'),
    startedBy: uuid('started_by'),
    startedAt: createdAt(),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('billing_runs_month_idx').on(t.month, t.startedAt)],
);

/** Invoices and credit notes. A correction is a credit note plus a new invoice, never an edit. */
export const invoices = pgTable(
  'invoices',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    month: text('month').notNull(),
    kind: text('kind', { enum: ['invoice', 'credit_note'] }).notNull(),
    number: bigint('number', { mode: 'number' }).notNull(),
    creditsInvoiceId: uuid('credits_invoice_id'),
    /** Set on an invoice when a credit note cancels it. */
    creditedAt: ts('credited_at'),
    /** A credit note's reason. */
    note: text('note'),
    netOre: bigint('net_ore', { mode: 'number' }).notNull(),
    vatOre: bigint('vat_ore', { mode: 'number' }).notNull(),
    /** EN 16931 BT-114: total − net − VAT, the øre that splitting each line on its own leaves. */
    roundingOre: bigint('rounding_ore', { mode: 'number' }).notNull().default(0),
    totalOre: bigint('total_ore', { mode: 'number' }).notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    kid: text('kid').notNull(),
    buyer: jsonb('buyer').$type<Record<string, unknown>>().notNull(),
    /** The department this invoice is for (issue 16 item 3, one invoice per department), else null. */
    departmentId: uuid('department_id'),
    billingRunId: uuid('billing_run_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('invoices_number_key').on(t.number),
    // One live invoice per company (or company department) and month: a run never bills a month twice.
    uniqueIndex('invoices_company_month_live_key')
      .on(
        t.companyId,
        t.month,
        sql`coalesce(${t.departmentId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      )
      .where(sql`${t.kind} = 'invoice' and ${t.creditedAt} is null`),
    index('invoices_month_idx').on(t.month),
  ],
);

/**
 * One line per subscription and month, keyed by (invoice, line number). No foreign keys: a line is
 * written only in the same statement as its invoice (which is never deleted), it records what was
 * billed even if the subscription changes, and the billing run writes 100 000 of them, where a
 * per-row foreign-key check alone costs three times the plain insert (bench/run.ts).
 */
export const invoiceLines = pgTable(
  'invoice_lines',
  {
    invoiceId: uuid('invoice_id').notNull(),
    lineNo: integer('line_no').notNull(),
    subscriptionId: uuid('subscription_id'),
    description: text('description').notNull(),
    holderName: text('holder_name').notNull(),
    categoryId: text('category_id').notNull(),
    zoneIds: jsonb('zone_ids').$type<string[]>().notNull(),
    netOre: bigint('net_ore', { mode: 'number' }).notNull(),
    vatOre: bigint('vat_ore', { mode: 'number' }).notNull(),
    grossOre: bigint('gross_ore', { mode: 'number' }).notNull(),
    /** Days of the month the subscription was valid, and the company's share frozen at billing (rule 12). */
    daysValid: integer('days_valid').notNull().default(0),
    companyShareOre: bigint('company_share_ore', { mode: 'number' }).notNull().default(0),
    /** The subscription's department at billing (issue 16 item 3): lines are grouped by it. */
    departmentId: uuid('department_id'),
    departmentName: text('department_name'),
    /** The department's cost centre, the line's EN 16931 BT-133 (buyer accounting reference). */
    costCentre: text('cost_centre'),
  },
  (t) => [primaryKey({ columns: [t.invoiceId, t.lineNo] })],
);

/** Each payroll-basis export, with the rows it gave, so "changes since the last export" can be shown. */
export const payrollExports = pgTable(
  'payroll_exports',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    month: text('month').notNull(),
    format: text('format', { enum: ['csv', 'xlsx', 'json'] }).notNull(),
    final: integer('final').notNull().default(0),
    rows: jsonb('rows').$type<unknown[]>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('payroll_exports_company_month_idx').on(t.companyId, t.month)],
);
