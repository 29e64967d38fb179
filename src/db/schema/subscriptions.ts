import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { categories } from './catalog';
import { createdAt, id, ts } from './common';
import { companies } from './companies';
import { departments } from './departments';

/** An employee of a company, known by mobile number (E.164). */
export const employees = pgTable(
  'employees',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    phone: text('phone').notNull(),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    /** The language the employee chose in the web app (at login or order); messages use it. */
    language: text('language', { enum: ['nb', 'en'] })
      .notNull()
      .default('nb'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('employees_company_phone_key').on(t.companyId, t.phone)],
);

export interface Consent {
  termsText: string;
  at: string;
  priceOre: number;
  companyShareOre: number;
  deductionOre: number;
}

/**
 * One subscription = one ticket for one employee, one category, from start to end.
 * The stored state is pending/approved/rejected/cancelled; "active" and "ended" are derived from
 * the dates and the clock (src/domain/subscription.ts). A category change ends one and makes a new one.
 */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id),
    state: text('state', { enum: ['pending', 'approved', 'rejected', 'cancelled'] }).notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    phone: text('phone').notNull(),
    categoryId: text('category_id')
      .notNull()
      .references(() => categories.id),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    /** The company's department it belongs to (issue 16 item 3), if any. */
    departmentId: uuid('department_id').references(() => departments.id),
    revokedAt: ts('revoked_at'),
    fields: jsonb('fields').$type<Record<string, string | number | boolean>>().notNull().default({}),
    consent: jsonb('consent').$type<Consent>(),
    source: text('source', { enum: ['employee', 'admin', 'import', 'category_change'] }).notNull(),
    replacesId: uuid('replaces_id'),
    rejectionReason: text('rejection_reason'),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by'),
    /** SHA-256 (hex) of the ticket link's token; the token itself is only ever in the SMS. */
    ticketTokenHash: text('ticket_token_hash').notNull(),
    /** The short ticket number (Crockford base32 with check character shows it), 40 random bits. */
    ticketNumber: bigint('ticket_number', { mode: 'number' }).notNull(),
    /** The wallet key the ticket is bound to (RFC 7638 thumbprint and public JWK), null before activation. */
    deviceJkt: text('device_jkt'),
    deviceKey: jsonb('device_key').$type<{ kty: 'EC'; crv: 'P-256'; x: string; y: string }>(),
    deviceBoundAt: ts('device_bound_at'),
    idempotencyKey: text('idempotency_key'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('subscriptions_company_idx').on(t.companyId, t.state),
    /** The portal's list by name, paged by keyset (issue 16, item 6). */
    index('subscriptions_company_name_idx').on(
      t.companyId,
      sql`lower(${t.lastName})`,
      sql`lower(${t.firstName})`,
      t.id,
    ),
    index('subscriptions_employee_idx').on(t.employeeId),
    index('subscriptions_company_department_idx').on(t.companyId, t.departmentId),
    uniqueIndex('subscriptions_ticket_token_key').on(t.ticketTokenHash),
    uniqueIndex('subscriptions_ticket_number_key').on(t.ticketNumber),
    uniqueIndex('subscriptions_idempotency_key')
      .on(t.companyId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
  ],
);

/** The zones a subscription covers, over time (rule 8). validTo is inclusive; null = still in force. */
export const subscriptionZoneSets = pgTable(
  'subscription_zone_sets',
  {
    id: id(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
    /** The subscription's company, repeated so the billing run reads a batch's sets by company. */
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    zoneIds: jsonb('zone_ids').$type<string[]>().notNull(),
    /**
     * The zone ids as text, kept by the database: the billing run groups and looks up a batch's
     * zone sets by this cheap-to-hash key instead of by the jsonb (issue 6's benchmark).
     */
    zoneKey: text('zone_key').notNull().generatedAlwaysAs(sql`zone_ids::text`),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('subscription_zone_sets_sub_idx').on(t.subscriptionId, t.validFrom),
    index('subscription_zone_sets_company_idx').on(t.companyId),
  ],
);

/**
 * Signed ticket credentials issued for one Oslo day of a subscription and one device key: the same
 * claims as a compact JWS (`jws`, the API's `credential`) and as a COSE_Sign1 CWT (`cose`,
 * base64url, what the QR carries). `statusIndex` is its bit in the revocation list.
 */
export const ticketCredentials = pgTable(
  'ticket_credentials',
  {
    id: id(),
    statusIndex: integer('status_index').notNull().generatedAlwaysAsIdentity(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
    validFrom: ts('valid_from').notNull(),
    validTo: ts('valid_to'),
    zoneIds: jsonb('zone_ids').$type<string[]>().notNull(),
    keyId: text('key_id').notNull(),
    jws: text('jws').notNull(),
    cose: text('cose').notNull(),
    deviceJkt: text('device_jkt').notNull(),
    issuedAt: ts('issued_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    index('ticket_credentials_sub_idx').on(t.subscriptionId),
    uniqueIndex('ticket_credentials_status_index_key').on(t.statusIndex),
  ],
);

/**
 * Consent to a higher salary deduction (issue 15, arbeidsmiljøloven § 14-15 (2) b): a change made
 * by the company that raises an employee's deduction opens one; the employee confirms it with the
 * terms text, the amount and the time, like the first consent. At most one open per subscription.
 */
export const deductionConsents = pgTable(
  'deduction_consents',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
    phone: text('phone').notNull(),
    status: text('status', { enum: ['open', 'confirmed', 'withdrawn'] }).notNull(),
    /** zones/category/subsidy: a company change; added: a ticket the company made (by hand or
     * import), nothing agreed yet; price: a price raise under terms that do not follow the price list. */
    reason: text('reason', { enum: ['zones', 'category', 'subsidy', 'added', 'price'] }).notNull(),
    /** The monthly deduction the employee had agreed to, in øre. */
    consentedDeductionOre: integer('consented_deduction_ore').notNull(),
    /** The raised monthly deduction that needs consent, in øre, with the price split it comes from. */
    deductionOre: integer('deduction_ore').notNull(),
    priceOre: integer('price_ore').notNull(),
    companyShareOre: integer('company_share_ore').notNull(),
    /** The Oslo date the raised deduction applies from. */
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    termsText: text('terms_text'),
    confirmedAt: ts('confirmed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('deduction_consents_company_idx').on(t.companyId, t.status),
    uniqueIndex('deduction_consents_open_key').on(t.subscriptionId).where(sql`${t.status} = 'open'`),
  ],
);

/** A move of a ticket to another device: the SMS code (HMAC) and, once verified, the new key. */
export const ticketMoves = pgTable(
  'ticket_moves',
  {
    id: id(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    newJkt: text('new_jkt'),
    createdAt: createdAt(),
  },
  (t) => [index('ticket_moves_sub_idx').on(t.subscriptionId, t.createdAt)],
);

/** DPoP proof ids seen (RFC 9449 §11.1 replay protection), kept until their window has passed. */
export const dpopProofs = pgTable('dpop_proofs', {
  jtiHash: text('jti_hash').primaryKey(),
  expiresAt: ts('expires_at').notNull(),
});

/** The operator's ticket settings (one row, id 1; defaults when absent). */
export const ticketSettings = pgTable('ticket_settings', {
  id: integer('id').primaryKey(),
  movesPerMonth: integer('moves_per_month').notNull().default(3),
  freshnessSeconds: integer('freshness_seconds').notNull().default(60),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
