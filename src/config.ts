import { isIP } from 'node:net';
import { z } from 'zod';
import { judgePassword } from './domain/password-strength';
import { isPhoneCountry } from './domain/phone';

/**
 * Configuration, validated once at start. A wrong or missing value stops the process with a
 * message naming it. Production refuses the development defaults.
 */
const DEV_OPERATOR_EMAIL = 'operator@example.no';
const DEV_OPERATOR_PASSWORD = 'operator-password-123';
const DEV_SESSION_SECRET = 'development-only-session-secret-change-me';

/** proxy-addr's named ranges, accepted in a TRUST_PROXY list. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One TRUST_PROXY list entry: an IPv4/IPv6 address, a CIDR range of one, or a named range. */
function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Which peers may tell the client address in X-Forwarded-For (Fastify's trustProxy):
 * `false` (the default: nobody, the socket address is the client), `true` (everybody: only behind
 * a proxy that overwrites the header), a hop count (the n nearest hops), or a list of addresses,
 * CIDR ranges or `loopback`/`linklocal`/`uniquelocal`.
 */
export type TrustProxy = boolean | number | string[];

const trustProxy = z
  .string()
  .optional()
  .transform((raw, ctx): TrustProxy => {
    const value = raw?.trim().toLowerCase() ?? 'false';
    if (value === 'false') return false;
    if (value === 'true') return true;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(',').map((e) => e.trim());
    const wrong = entries.filter((e) => !isProxyAddress(e));
    if (wrong.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be true, false, a hop count or a comma-separated list of addresses/CIDRs (not: ${wrong.join(', ')})`,
      });
      return z.NEVER;
    }
    return entries;
  });

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    // Loopback unless told otherwise: a development server is not reachable from the network.
    HOST: z.string().min(1).default('127.0.0.1'),
    TRUST_PROXY: trustProxy,
    PUBLIC_URL: z.url().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    /**
     * How long a PostgreSQL query may wait for its answer (ms) before it fails as "database
     * unavailable" (503): a connection frozen by the network (no reset, no answer) never hangs a
     * request or a job. Long enough for the largest billing batch and export read.
     */
    DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(120_000),
    /**
     * How long a request may wait for one of the process's 10 PostgreSQL connections, queue
     * included (ms): a rush waits its turn rather than failing; a database that refuses or resets
     * connections still fails at once (503).
     */
    DB_POOL_WAIT_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
    DATA_DIR: z.string().min(1).default('./data'),
    WEB_DIR: z.string().optional(),
    APP_NOW: z.iso.datetime({ offset: true }).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    OPERATOR_EMAIL: z.email().default(DEV_OPERATOR_EMAIL),
    OPERATOR_PASSWORD: z.string().min(12).default(DEV_OPERATOR_PASSWORD),
    SESSION_SECRET: z.string().min(32).default(DEV_SESSION_SECRET),
    SMS_TRANSPORT: z.enum(['outbox', 'http']).default('outbox'),
    SMS_HTTP_URL: z.url().optional(),
    SMS_HTTP_TOKEN: z.string().optional(),
    SMS_SENDER: z.string().max(11).default('Billett'),
    // Issue 12.4: SMS go only to mobile numbers of these countries (ISO 3166 alpha-2, comma-separated).
    SMS_ALLOWED_COUNTRIES: z
      .string()
      .default('NO')
      .transform((raw, ctx) => {
        const codes = [
          ...new Set(
            raw
              .split(',')
              .map((c) => c.trim().toUpperCase())
              .filter(Boolean),
          ),
        ];
        const wrong = codes.filter((c) => !isPhoneCountry(c));
        if (codes.length === 0 || wrong.length > 0) {
          ctx.addIssue({
            code: 'custom',
            message: `must be ISO country codes like NO,SE (not: ${wrong.join(', ') || '(empty)'})`,
          });
          return z.NEVER;
        }
        return codes;
      }),
    // Issue 12.4: SMS budgets per rolling hour, for all companies together and for each company
    // (login codes of an order link count for its company). Reaching one stops sending and alerts
    // the operator; 0 turns a budget off.
    SMS_HOURLY_BUDGET: z.coerce.number().int().min(0).default(2000),
    SMS_HOURLY_BUDGET_PER_COMPANY: z.coerce.number().int().min(0).default(300),
    /** How long one request to the HTTP SMS gateway may take before it counts as failed (seconds). */
    SMS_HTTP_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(10),
    /**
     * The first wait before a failed message is tried again (seconds); each further wait about
     * doubles (pg-boss backoff), up to MAX_SEND_ATTEMPTS tries in all.
     */
    MESSAGE_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
    /** The longest wait between two tries of a message (seconds). */
    MESSAGE_RETRY_DELAY_MAX_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
    EMAIL_TRANSPORT: z.enum(['outbox', 'smtp']).default('outbox'),
    SMTP_URL: z.string().optional(),
    EMAIL_FROM: z.string().default('Bedriftsbillett <no-reply@example.no>'),
    TICKET_SIGNING_KEYS: z.string().optional(),
    DEMO_DATA: z.stringbool().default(false),
    JOBS: z.stringbool().default(true),
    /**
     * What this process does: `web` serves HTTP (and queues jobs), `worker` runs the jobs and the
     * schedules (HTTP only for /health, /ready and /metrics), `all` both (docs/operations.md).
     */
    ROLE: z.enum(['web', 'worker', 'all']).default('all'),
    /** On SIGTERM: how long requests and jobs in flight may take to finish (seconds). */
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(1).max(600).default(20),
    /**
     * Development and tests only: other cron expressions for scheduled jobs, e.g.
     * `billing-monthly=* * * * *;pending-order-digest=* * * * *`.
     */
    JOB_CRON_OVERRIDES: z
      .string()
      .regex(/^[a-z-]+=[^;=]+(;[a-z-]+=[^;=]+)*$/, 'must be name=cron;name=cron')
      .optional(),
    /** Where the scheduled backups (portable exports) go; unset: no scheduled backups. */
    BACKUP_DIR: z.string().min(1).optional(),
    /** When a worker makes the backup (cron, Europe/Oslo). */
    BACKUP_CRON: z
      .string()
      .regex(/^\S+( \S+){4}$/, 'must be a cron expression of five fields')
      .default('30 2 * * *'),
    /** How many backups are kept (the newest). */
    BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
    /** Bearer token for GET /metrics; required in production, open without one in development. */
    METRICS_TOKEN: z.string().min(16).optional(),
  })
  .superRefine((c, ctx) => {
    // A web-only or worker-only process needs the other kind beside it on one database; the
    // embedded database is one process's, so there the jobs would never run (hostile check, 18).
    if (c.ROLE !== 'all' && !c.DATABASE_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['ROLE'],
        message: `${c.ROLE} needs DATABASE_URL (PostgreSQL): the embedded database serves one process, so use ROLE=all`,
      });
    if (c.NODE_ENV === 'production') {
      const devDefaults: [keyof typeof c, string][] = [
        ['OPERATOR_PASSWORD', DEV_OPERATOR_PASSWORD],
        ['SESSION_SECRET', DEV_SESSION_SECRET],
      ];
      for (const [key, value] of devDefaults) {
        if (c[key] === value)
          ctx.addIssue({ code: 'custom', path: [key], message: 'must be set in production' });
      }
      if (c.OPERATOR_EMAIL.trim().toLowerCase() === DEV_OPERATOR_EMAIL)
        ctx.addIssue({ code: 'custom', path: ['OPERATOR_EMAIL'], message: 'must be set in production' });
      // The first operator admin's password meets the same rule as every password a person sets
      // (issue 12 item 6): 12–128 characters, zxcvbn score ≥ 3, not made of their own email.
      const judged = judgePassword(c.OPERATOR_PASSWORD, { email: c.OPERATOR_EMAIL });
      if (!judged.ok && c.OPERATOR_PASSWORD !== DEV_OPERATOR_PASSWORD)
        ctx.addIssue({
          code: 'custom',
          path: ['OPERATOR_PASSWORD'],
          message: `is too weak for production (${judged.problem.replace('_', ' ')}): use a long passphrase`,
        });
      if (!c.PUBLIC_URL)
        ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'must be set in production' });
      if (!c.TICKET_SIGNING_KEYS)
        ctx.addIssue({ code: 'custom', path: ['TICKET_SIGNING_KEYS'], message: 'must be set in production' });
      if (!c.METRICS_TOKEN)
        ctx.addIssue({ code: 'custom', path: ['METRICS_TOKEN'], message: 'must be set in production' });
      if (c.JOB_CRON_OVERRIDES)
        ctx.addIssue({ code: 'custom', path: ['JOB_CRON_OVERRIDES'], message: 'is for development only' });
      if (c.APP_NOW) ctx.addIssue({ code: 'custom', path: ['APP_NOW'], message: 'is for development only' });
      // The demo data set logs in with a published password.
      if (c.DEMO_DATA)
        ctx.addIssue({ code: 'custom', path: ['DEMO_DATA'], message: 'is for development only' });
    }
    if (c.SMS_TRANSPORT === 'http' && !c.SMS_HTTP_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['SMS_HTTP_URL'],
        message: 'is required when SMS_TRANSPORT=http',
      });
    if (c.EMAIL_TRANSPORT === 'smtp' && !c.SMTP_URL)
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'is required when EMAIL_TRANSPORT=smtp' });
  });

export type Config = z.infer<typeof schema> & { publicUrl: string; isDev: boolean };

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(schema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = schema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  // Production names how messages leave: a default that keeps every SMS and email in the back
  // office would look like a working install while nobody gets a login code (issue 12 leftover).
  if (c.NODE_ENV === 'production') {
    const unset = (['SMS_TRANSPORT', 'EMAIL_TRANSPORT'] as const).filter((k) => picked[k] === undefined);
    if (unset.length > 0)
      throw new ConfigError(
        `Invalid configuration:\n${unset
          .map(
            (k) =>
              `  ${k}: must be set in production (${k === 'SMS_TRANSPORT' ? 'http' : 'smtp'} to deliver, or outbox to keep the messages in the back office only)`,
          )
          .join('\n')}`,
      );
  }
  return {
    ...c,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    isDev: c.NODE_ENV !== 'production',
  };
}
