import { jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Subsidy } from '../../domain/money';
import { createdAt, id, ts } from './common';

export type SelfService = 'disabled' | 'manual' | 'automatic';

export type OrderFieldType = 'text' | 'number' | 'select' | 'checkbox';
export interface OrderField {
  key: string;
  label: string;
  type: OrderFieldType;
  required: boolean;
  helpText?: string;
  /** English label and help text (issue 15.3); bokmål is shown when missing. */
  labelEn?: string;
  helpTextEn?: string;
  options?: string[];
  /** English labels of `options`, by position (issue 15.3); the stored value stays the option. */
  optionsEn?: string[];
}
export interface OrderForm {
  kind: 'standard' | 'custom';
  intro: string;
  /** English intro and deduction terms (issue 15.3); bokmål is shown when missing. */
  introEn?: string;
  deductionTermsEn?: string;
  /**
   * Issue 15 (c): the company declares that its own deduction terms say the deduction follows
   * the operator's price list (so a price raise needs no new consent). Unset = not declared.
   * Read through `followsPriceList` (src/domain/deduction-terms.ts), never from the text.
   */
  deductionFollowsPriceList?: boolean;
  fields: OrderField[];
  /** null = all active zones / categories are offered. */
  offeredZoneIds: string[] | null;
  offeredCategoryIds: string[] | null;
}
export interface InvoiceAddress {
  street: string;
  postalCode: string;
  city: string;
  email?: string;
  /** The buyer reference (EHF BuyerReference), e.g. the company's own reference or PO. */
  reference?: string;
  /** The Peppol endpoint (`scheme:id`, e.g. `0192:974760673`) when it is not the organisation number. */
  peppolEndpoint?: string;
}

export const defaultOrderForm: OrderForm = {
  kind: 'standard',
  intro: '',
  fields: [],
  offeredZoneIds: null,
  offeredCategoryIds: null,
};

export const companies = pgTable(
  'companies',
  {
    id: id(),
    orgNumber: text('org_number').notNull(),
    name: text('name').notNull(),
    invoiceAddress: jsonb('invoice_address').$type<InvoiceAddress>(),
    status: text('status', { enum: ['active', 'deactivated'] })
      .notNull()
      .default('active'),
    selfService: text('self_service', { enum: ['disabled', 'manual', 'automatic'] })
      .notNull()
      .default('manual'),
    subsidy: jsonb('subsidy').$type<Subsidy>().notNull().default({ type: 'none' }),
    orderForm: jsonb('order_form').$type<OrderForm>().notNull().default(defaultOrderForm),
    deductionTerms: text('deduction_terms').notNull().default(''),
    /**
     * Issue 16 item 3: one invoice for the whole company (`company`), or one per department
     * (`department`; subscriptions without a department on the company's own invoice).
     */
    invoiceSplit: text('invoice_split', { enum: ['company', 'department'] })
      .notNull()
      .default('company'),
    /** Origins (`https://www.bedrift.no`) whose pages may frame the order page as a widget. */
    widgetOrigins: jsonb('widget_origins').$type<string[]>().notNull().default([]),
    /** SHA-256 of the order link's token: the link is found by it (issue 12.9). */
    orderTokenHash: text('order_token_hash').notNull(),
    /** The token sealed with SESSION_SECRET, to show the link to the company's admins again. */
    orderTokenSealed: text('order_token_sealed').notNull(),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deactivatedAt: ts('deactivated_at'),
  },
  (t) => [
    uniqueIndex('companies_org_number_key').on(t.orgNumber),
    uniqueIndex('companies_order_token_hash_key').on(t.orderTokenHash),
  ],
);
