import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './common';
import { companies } from './companies';
import { subscriptions } from './subscriptions';

/** Gapless counters (invoice numbers): incremented under a row lock inside the writing transaction. */
export const counters = pgTable('counters', {
  name: text('name').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull().default(0),
});

export const billingRuns = pgTable('billing_runs', {
  id: id(),
  month: text('month').notNull(),
  status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
  companiesTotal: integer('companies_total').notNull().default(0),
  companiesDone: integer('companies_done').notNull().default(0),
  error: text('error'),
  startedBy: uuid('started_by'),
  startedAt: createdAt(),
  finishedAt: ts('finished_at'),
});

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
    netOre: bigint('net_ore', { mode: 'number' }).notNull(),
    vatOre: bigint('vat_ore', { mode: 'number' }).notNull(),
    totalOre: bigint('total_ore', { mode: 'number' }).notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    kid: text('kid').notNull(),
    buyer: jsonb('buyer').$type<Record<string, unknown>>().notNull(),
    billingRunId: uuid('billing_run_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('invoices_number_key').on(t.number),
    // One live invoice per company and month: a run can never bill a month twice.
    uniqueIndex('invoices_company_month_live_key')
      .on(t.companyId, t.month)
      .where(sql`${t.kind} = 'invoice' and ${t.creditedAt} is null`),
    index('invoices_month_idx').on(t.month),
  ],
);

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: id(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    lineNo: integer('line_no').notNull(),
    subscriptionId: uuid('subscription_id').references(() => subscriptions.id),
    description: text('description').notNull(),
    holderName: text('holder_name').notNull(),
    categoryId: text('category_id').notNull(),
    zoneIds: jsonb('zone_ids').$type<string[]>().notNull(),
    netOre: bigint('net_ore', { mode: 'number' }).notNull(),
    vatOre: bigint('vat_ore', { mode: 'number' }).notNull(),
    grossOre: bigint('gross_ore', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('invoice_lines_invoice_idx').on(t.invoiceId),
    index('invoice_lines_sub_idx').on(t.subscriptionId),
  ],
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
