import { sql } from 'drizzle-orm';
import { jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './common';
import { companies } from './companies';

/** A department's own invoice address (issue 16 item 3); the company's is used when absent. */
export interface DepartmentAddress {
  street: string;
  postalCode: string;
  city: string;
}

/**
 * A company's department (issue 16 item 3): its name, its cost centre (carried on each invoice line
 * as EN 16931 BT-133), its buyer reference (BT-10 on its own invoice) and an optional own invoice
 * address. A subscription belongs to at most one.
 */
export const departments = pgTable(
  'departments',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    name: text('name').notNull(),
    costCentre: text('cost_centre').notNull(),
    /** null = the company's buyer reference. */
    buyerReference: text('buyer_reference'),
    invoiceAddress: jsonb('invoice_address').$type<DepartmentAddress>(),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('departments_company_name_key').on(t.companyId, sql`lower(${t.name})`),
    uniqueIndex('departments_company_cost_centre_key').on(t.companyId, sql`lower(${t.costCentre})`),
  ],
);
