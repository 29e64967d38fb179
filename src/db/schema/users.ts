import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    companyRole: text('company_role', { enum: ['full', 'payroll', 'department'] }),
    /** A `department` admin's departments (issue 16 item 4): they act only on these. */
    departmentIds: jsonb('department_ids').$type<string[]>(),
    companyId: uuid('company_id').references(() => companies.id),
    /** The language of the messages this person gets (their setting). */
    language: text('language', { enum: ['nb', 'en'] })
      .notNull()
      .default('nb'),
    /** Company admins: how they hear of a new order waiting for approval. */
    newOrderNotice: text('new_order_notice', { enum: ['immediate', 'digest', 'none'] })
      .notNull()
      .default('digest'),
    /**
     * TOTP second factor (RFC 6238): the secret sealed (AES-256-GCM, src/adapters/sealed.ts); set
     * at enrolment and in force once `totpEnabledAt` is set (the person confirmed a code).
     */
    totpSecret: text('totp_secret'),
    totpEnabledAt: ts('totp_enabled_at'),
    /** The time step of the last accepted code: a code is never accepted twice (replay). */
    totpLastTimeStep: integer('totp_last_time_step'),
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
    /**
     * A user's session that has passed the password (or emailed link) but not yet the second
     * factor: `second_factor` may only give a code; `enrol_second_factor` (the operator requires
     * one and the person has none) may only enrol. Null: a full session.
     */
    pending: text('pending', { enum: ['second_factor', 'enrol_second_factor'] }),
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

/** Recovery codes for a second factor: shown once, stored as SHA-256 (they are random), each used once. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull().unique(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** The operator's login rules (one row, id 'default'): whether staff and company admins must use a second factor. */
export const securitySettings = pgTable('security_settings', {
  id: text('id').primaryKey().default('default'),
  requireSecondFactorStaff: boolean('require_second_factor_staff').notNull().default(false),
  requireSecondFactorAdmins: boolean('require_second_factor_admins').notNull().default(false),
  updatedAt: ts('updated_at'),
});

/** Passkeys (WebAuthn credentials) of operator staff and company admins: a second factor, and a login alone. */
export const passkeys = pgTable(
  'passkeys',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The credential id as base64url, as the browser sends it. */
    credentialId: text('credential_id').notNull().unique(),
    /** The COSE public key, base64url. */
    publicKey: text('public_key').notNull(),
    /** The authenticator's signature counter (0 for most passkeys, which do not count). */
    counter: integer('counter').notNull().default(0),
    transports: text('transports').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [index('passkeys_user_idx').on(t.userId)],
);

/** WebAuthn challenges: each issued for one ceremony, valid five minutes, used once (found by the challenge itself). */
export const webauthnChallenges = pgTable('webauthn_challenges', {
  id: id(),
  challenge: text('challenge').notNull().unique(),
  purpose: text('purpose', { enum: ['register', 'authenticate'] }).notNull(),
  /** The user the ceremony is for; null for a passkey login that starts without a user. */
  userId: uuid('user_id').references(() => users.id),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
});
