import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { OPERATOR_ROLES } from '../../domain/staff-roles';
import { createdAt, id, ts } from './common';
import { companies } from './companies';

/** Operator staff and company administrators. Employees are not users: they log in by SMS code. */
export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    phone: text('phone'),
    passwordHash: text('password_hash'),
    role: text('role', { enum: ['operator', 'company_admin'] }).notNull(),
    operatorRole: text('operator_role', { enum: OPERATOR_ROLES }),
    /** Company admins (issue 16 item 4): `full`, or `payroll` (reads subscriptions, payroll, invoices). */
    companyRole: text('company_role', { enum: ['full', 'payroll'] }),
    companyId: uuid('company_id').references(() => companies.id),
    /** The language of the messages this person gets (their setting). */
    language: text('language', { enum: ['nb', 'en'] })
      .notNull()
      .default('nb'),
    /** Company admins: how they hear of a new order waiting for approval. */
    newOrderNotice: text('new_order_notice', { enum: ['immediate', 'digest', 'none'] })
      .notNull()
      .default('digest'),
    createdAt: createdAt(),
    disabledAt: ts('disabled_at'),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    index('users_company_idx').on(t.companyId),
  ],
);

/** Single-use tokens sent by email: invitations, password resets, sign-in links. Only the hash (SHA-256) is stored. */
export const authTokens = pgTable('auth_tokens', {
  id: id(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  purpose: text('purpose', { enum: ['invitation', 'password_reset', 'login_link'] }).notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  createdAt: createdAt(),
});

/** Sessions of users and of employees (a phone number within one company). */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    tokenHash: text('token_hash').notNull().unique(),
    kind: text('kind', { enum: ['user', 'employee'] }).notNull(),
    userId: uuid('user_id').references(() => users.id),
    companyId: uuid('company_id').references(() => companies.id),
    phone: text('phone'),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Events counted for rate limits (login failures, SMS code sends per number and per IP). */
export const rateLimitEvents = pgTable(
  'rate_limit_events',
  {
    id: id(),
    key: text('key').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('rate_limit_events_key_at_idx').on(t.key, t.at)],
);

/** One-time SMS codes for employee login: hashed, bound to phone + company, limited tries. */
export const verificationCodes = pgTable(
  'verification_codes',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('verification_codes_phone_idx').on(t.companyId, t.phone)],
);
