import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { migrationsApplied } from '../../db/engine';

/** A readiness check: resolves when its part can serve, throws (with a reason) when not. */
export type ReadinessCheck = () => Promise<void>;

/** How long one readiness check may take before it counts as failed (ms). */
const CHECK_TIMEOUT_MS = 2_000;

/** The checks every process has: the database answers and has every migration this code knows. */
export function baseReadiness(ctx: AppContext): Record<string, ReadinessCheck> {
  return {
    database: async () => {
      await ctx.db.execute(sql`select 1`);
    },
    migrations: async () => {
      if (!(await migrationsApplied(ctx.db)))
        throw new Error('the database lacks migrations this code needs');
    },
  };
}

const checkResult = z.object({ ok: z.boolean() });

/**
 * `GET /health` (liveness; the contract: 200 `{"status":"ok"}` when the database answers) and
 * `GET /ready` (readiness: 200 when every check passes — database, migrations, and the job queue
 * where the process has one — else 503 naming the failed ones; a load balancer sends traffic only
 * to a ready process).
 */
export function healthRoutes(
  ctx: AppContext,
  readiness: Record<string, ReadinessCheck>,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        schema: {
          tags: ['system'],
          response: { 200: z.object({ status: z.literal('ok') }), 503: z.object({ status: z.string() }) },
        },
      },
      async (_request, reply) => {
        try {
          await withTimeout(ctx.db.execute(sql`select 1`));
          return { status: 'ok' as const };
        } catch {
          return reply.status(503).send({ status: 'database unavailable' });
        }
      },
    );
    app.get(
      '/ready',
      {
        schema: {
          tags: ['system'],
          response: {
            200: z.object({ status: z.literal('ready'), checks: z.record(z.string(), checkResult) }),
            503: z.object({ status: z.literal('not ready'), checks: z.record(z.string(), checkResult) }),
          },
        },
      },
      async (_request, reply) => {
        const entries = await Promise.all(
          Object.entries(readiness).map(async ([name, check]) => {
            try {
              await withTimeout(check());
              return [name, { ok: true }] as const;
            } catch (error) {
              // The answer names the failed check; the reason (SQL, hosts, ports) goes to the log
              // only, since /ready answers anyone (hostile check, issue 18).
              ctx.log.warn({ check: name, err: error }, 'readiness check failed');
              return [name, { ok: false }] as const;
            }
          }),
        );
        const checks = Object.fromEntries(entries);
        if (entries.every(([, result]) => result.ok)) return { status: 'ready' as const, checks };
        return reply
          .status(503)
          .header('retry-after', '5')
          .send({ status: 'not ready' as const, checks });
      },
    );
  };
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
