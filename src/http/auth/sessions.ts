import { and, eq, gt, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomToken, safeEqual, sha256 } from '../../adapters/tokens';
import type { AppContext, CompanyAdminActor, EmployeeActor, OperatorActor } from '../../app/context';
import { companies, sessions, users } from '../../db/schema';
import { AppError } from '../../domain/errors';
import { mayLookUpTicketNumbers, type OperatorRole, usesBackOffice } from '../../domain/staff-roles';

/**
 * Cookie names. In production they carry the `__Host-` prefix: the browser then takes them only
 * when Secure, Path=/ and without Domain, so no sibling subdomain can set or shadow them.
 */
export function cookieNames(config: { NODE_ENV: string }) {
  const prefix = config.NODE_ENV === 'production' ? '__Host-' : '';
  return { session: `${prefix}bb_session`, csrf: `${prefix}bb_csrf` };
}

const MINUTE = 60_000;
/** Idle and absolute lifetimes: staff sessions are short, an employee's phone stays logged in. */
const LIFETIME = {
  user: { idleMs: 2 * 60 * MINUTE, absoluteMs: 12 * 60 * MINUTE },
  employee: { idleMs: 14 * 24 * 60 * MINUTE, absoluteMs: 60 * 24 * 60 * MINUTE },
} as const;
/** A session waiting for the second factor (or its enrolment) lasts ten minutes at most. */
const PENDING_MS = 10 * MINUTE;

/** What a half-signed-in session may still do: give a second factor, or enrol one. */
export type PendingStep = 'second_factor' | 'enrol_second_factor';

export interface SessionInfo {
  id: string;
  kind: 'user' | 'employee';
  csrfToken: string;
  user: {
    id: string;
    email: string;
    name: string;
    role: 'operator' | 'company_admin';
    operatorRole: OperatorRole | null;
    companyRole: 'full' | 'payroll' | 'department' | null;
    /** A department admin's departments (issue 16 item 4). */
    departmentIds: string[] | null;
    companyId: string | null;
  } | null;
  companyId: string | null;
  /**
   * Set while the user has passed the password (or an emailed link) but not the second step:
   * `user` is then null, so every route that needs a user refuses; only the second-factor
   * routes read this.
   */
  pending: { step: PendingStep; userId: string } | null;
  /** The session belongs to a company (its admin or employee) that the operator deactivated. */
  companyDeactivated: boolean;
  phone: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
  }
  interface FastifyContextConfig {
    /** An operator route that changes nothing although it is a POST (e.g. a preview). */
    readOnlyStaff?: boolean;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Changes a deactivated company's people may still make: signing in and out. */
const ALLOWED_WHEN_DEACTIVATED = new Set([
  '/api/auth/login',
  '/api/auth/logout',
  // A person's own security is theirs, whatever their company's state (hostile check, issue 12).
  '/api/auth/password',
  '/api/auth/second-factor/verify',
  '/api/auth/second-factor/totp/setup',
  '/api/auth/second-factor/totp/confirm',
  '/api/auth/passkeys',
  '/api/auth/passkeys/registration-options',
  '/api/auth/passkeys/authentication-options',
  '/api/auth/passkeys/authenticate',
]);

export function registerSessions(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[cookieNames(ctx.config).session];
    if (token) request.session = await loadSession(ctx, token);
    if (token && !request.session) clearSessionCookie(reply, ctx);
    if (token && MUTATING.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      const expected = request.session?.csrfToken ?? request.cookies[cookieNames(ctx.config).csrf];
      if (typeof header !== 'string' || !expected || !safeEqual(header, expected)) {
        throw new AppError('CSRF_TOKEN_INVALID');
      }
    }
    // Issue 12.7, the one guard: a deactivated company's admins and employees may read, not change.
    if (
      request.session?.companyDeactivated &&
      MUTATING.has(request.method) &&
      !ALLOWED_WHEN_DEACTIVATED.has(request.routeOptions.url ?? '')
    ) {
      throw new AppError('COMPANY_DEACTIVATED');
    }
  });
  // Read-only operator staff change nothing: every mutating back-office route refuses them here,
  // before the body is even validated, unless the route says it only reads. Inspectors use no
  // back-office route at all, reading or writing (issue 13 item 6).
  app.addHook('preValidation', async (request) => {
    const user = request.session?.user;
    if (
      user?.role === 'operator' &&
      !usesBackOffice(user.operatorRole ?? 'admin') &&
      request.routeOptions.url?.startsWith('/api/operator/')
    ) {
      throw new AppError('FORBIDDEN');
    }
    if (
      user?.role === 'operator' &&
      user.operatorRole === 'read_only' &&
      MUTATING.has(request.method) &&
      request.routeOptions.url?.startsWith('/api/operator/') &&
      !request.routeOptions.config.readOnlyStaff
    ) {
      throw new AppError('FORBIDDEN');
    }
  });
}

async function loadSession(ctx: AppContext, token: string): Promise<SessionInfo | null> {
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .select({ session: sessions, user: users, companyStatus: companies.status })
    .from(sessions)
    .leftJoin(users, eq(users.id, sessions.userId))
    .leftJoin(companies, eq(companies.id, sql`coalesce(${sessions.companyId}, ${users.companyId})`))
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, now)));
  if (!row) return null;
  const { session, user, companyStatus } = row;
  const idle = session.pending ? PENDING_MS : LIFETIME[session.kind].idleMs;
  if (now.getTime() - session.lastSeenAt.getTime() > idle) return null;
  if (session.kind === 'user' && (!user || user.disabledAt)) return null;
  if (session.pending && user) {
    return {
      id: session.id,
      kind: session.kind,
      csrfToken: session.csrfToken,
      companyId: null,
      companyDeactivated: companyStatus === 'deactivated',
      phone: null,
      user: null,
      pending: { step: session.pending, userId: user.id },
    };
  }
  if (now.getTime() - session.lastSeenAt.getTime() > MINUTE) {
    await ctx.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id));
  }
  return {
    id: session.id,
    kind: session.kind,
    csrfToken: session.csrfToken,
    companyId: session.companyId ?? user?.companyId ?? null,
    companyDeactivated: companyStatus === 'deactivated',
    phone: session.phone,
    pending: null,
    user: user
      ? {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          operatorRole: user.operatorRole,
          companyRole: user.companyRole,
          departmentIds: user.departmentIds ?? null,
          companyId: user.companyId,
        }
      : null,
  };
}

function cookieOptions(ctx: AppContext) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.config.NODE_ENV === 'production',
  };
}

function clearSessionCookie(reply: FastifyReply, ctx: AppContext) {
  reply.clearCookie(cookieNames(ctx.config).session, cookieOptions(ctx));
}

/**
 * Starts a new session (the old one, if any, is deleted: the id rotates at every login and again
 * when a pending session passes its second step).
 */
export async function startSession(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  who:
    | { kind: 'user'; userId: string; pending?: PendingStep | null }
    | { kind: 'employee'; companyId: string; phone: string },
): Promise<{ csrfToken: string }> {
  if (request.session) await ctx.db.delete(sessions).where(eq(sessions.id, request.session.id));
  const token = randomToken();
  const csrfToken = randomToken();
  const now = ctx.clock.now();
  await ctx.db.insert(sessions).values({
    tokenHash: sha256(token),
    kind: who.kind,
    userId: who.kind === 'user' ? who.userId : null,
    companyId: who.kind === 'employee' ? who.companyId : null,
    phone: who.kind === 'employee' ? who.phone : null,
    csrfToken,
    pending: who.kind === 'user' ? (who.pending ?? null) : null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(
      now.getTime() + (who.kind === 'user' && who.pending ? PENDING_MS : LIFETIME[who.kind].absoluteMs),
    ),
  });
  reply.setCookie(cookieNames(ctx.config).session, token, cookieOptions(ctx));
  return { csrfToken };
}

export async function endSession(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  if (request.session) await ctx.db.delete(sessions).where(eq(sessions.id, request.session.id));
  clearSessionCookie(reply, ctx);
}

/** The CSRF token for this browser: the session's, or a pre-session one kept in a cookie. */
export function csrfTokenFor(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): string {
  if (request.session) return request.session.csrfToken;
  const existing = request.cookies[cookieNames(ctx.config).csrf];
  if (existing) return existing;
  const token = randomToken();
  reply.setCookie(cookieNames(ctx.config).csrf, token, cookieOptions(ctx));
  return token;
}

/**
 * The operator staff member of a back-office request: 401 without a login, 403 for anyone else,
 * for an inspector (who only inspects tickets), and for read-only staff when the route writes.
 */
export function requireOperator(request: FastifyRequest, options: { write?: boolean } = {}): OperatorActor {
  const user = request.session?.user;
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (user.role !== 'operator') throw new AppError('FORBIDDEN');
  const operatorRole = user.operatorRole ?? 'admin';
  if (!usesBackOffice(operatorRole)) throw new AppError('FORBIDDEN');
  if (options.write && operatorRole === 'read_only') throw new AppError('FORBIDDEN');
  return { type: 'operator', userId: user.id, email: user.email, operatorRole };
}

/** The inspector (or operator admin) looking a ticket up by number: 401 without a login, else 403. */
export function requireInspector(request: FastifyRequest): OperatorActor {
  const user = request.session?.user;
  if (!user) throw new AppError('UNAUTHENTICATED');
  const operatorRole = user.operatorRole ?? 'admin';
  if (user.role !== 'operator' || !mayLookUpTicketNumbers(operatorRole)) throw new AppError('FORBIDDEN');
  return { type: 'operator', userId: user.id, email: user.email, operatorRole };
}

export function requireCompanyAdmin(request: FastifyRequest): CompanyAdminActor {
  const user = request.session?.user;
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (user.role !== 'company_admin' || !user.companyId) throw new AppError('FORBIDDEN');
  return {
    type: 'company_admin',
    userId: user.id,
    email: user.email,
    companyId: user.companyId,
    companyRole: user.companyRole ?? 'full',
    ...(user.companyRole === 'department' ? { departmentIds: user.departmentIds ?? [] } : {}),
  };
}

export function requireEmployee(request: FastifyRequest): EmployeeActor {
  const session = request.session;
  if (!session || session.kind !== 'employee' || !session.companyId || !session.phone) {
    throw new AppError('UNAUTHENTICATED');
  }
  return { type: 'employee', companyId: session.companyId, phone: session.phone };
}

/** The user of a session waiting at `step` (the second-factor routes only); else 401. */
export function requirePendingUser(request: FastifyRequest, step: PendingStep): string {
  const pending = request.session?.pending;
  if (!pending || pending.step !== step) throw new AppError('UNAUTHENTICATED');
  return pending.userId;
}

/** A signed-in user, or one whose session may only enrol a second factor (the operator requires one). */
export function requireUserOrEnrolling(request: FastifyRequest): { userId: string; enrolling: boolean } {
  const session = request.session;
  if (session?.user) return { userId: session.user.id, enrolling: false };
  if (session?.pending?.step === 'enrol_second_factor')
    return { userId: session.pending.userId, enrolling: true };
  throw new AppError('UNAUTHENTICATED');
}
