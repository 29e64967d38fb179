import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestScope } from '../adapters/logging';
import type { Metrics } from '../adapters/metrics';
import type { ErrorCode } from '../domain/errors';

/** The header that carries the request id both ways. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * An incoming request id is kept only when it is well-formed: 8–128 characters of letters, digits
 * and `._:-` (a UUID, a ULID, a proxy's trace id). Anything else is replaced by a fresh UUID, so a
 * client cannot put line breaks, markup or megabytes into the logs.
 */
const WELL_FORMED_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Fastify's `genReqId`: the caller's well-formed X-Request-Id, else a new UUID. */
export function requestIdFor(request: IncomingMessage): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && WELL_FORMED_ID.test(value) ? value : randomUUID();
}

const errorCodeOf = Symbol('errorCode');
type WithCode = FastifyReply & { [errorCodeOf]?: ErrorCode };

/** Called by `sendError`: remembers the error code of the response for the metrics. */
export function noteErrorCode(reply: FastifyReply, code: ErrorCode): void {
  (reply as WithCode)[errorCodeOf] = code;
}

const LOGIN_FAILURES: Partial<Record<ErrorCode, string>> = {
  INVALID_CREDENTIALS: 'password',
  OTP_INVALID: 'otp',
  OTP_EXPIRED: 'otp',
};
const RATE_LIMITS: ErrorCode[] = ['TOO_MANY_REQUESTS', 'OTP_LOCKED'];

/**
 * Request ids, the request's log scope and the HTTP metrics, for every route (registered before
 * the routes, on the root instance):
 * - the response carries `X-Request-Id`, and every log line written while serving the request —
 *   Fastify's and the use cases' (`ctx.log`) — carries it as `reqId`;
 * - each answered request counts in `bb_http_requests_total` / `bb_http_request_errors_total` and
 *   `bb_http_request_duration_seconds` under its route pattern; error codes that mean a failed login
 *   or a rate limit count there too.
 */
export function registerObservability(app: FastifyInstance, metrics: Metrics) {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    requestScope.run({ log: request.log }, done);
  });
  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const method = request.method;
    const status = reply.statusCode;
    metrics.httpRequests.inc({ method, route, status: String(status) });
    if (status >= 400) metrics.httpErrors.inc({ method, route, class: status >= 500 ? '5xx' : '4xx' });
    metrics.httpDuration.observe({ method, route }, reply.elapsedTime / 1000);
    const code = (reply as WithCode)[errorCodeOf];
    if (code) {
      const login = LOGIN_FAILURES[code];
      if (login) metrics.loginFailures.inc({ kind: login });
      if (RATE_LIMITS.includes(code)) metrics.rateLimitHits.inc({ code });
    }
  });
}

/**
 * `GET /metrics` in the Prometheus text format. With a token (`METRICS_TOKEN`; required in
 * production) only `Authorization: Bearer <token>` is answered, compared in constant time; without
 * one (development) it is open.
 */
export function registerMetricsRoute(app: FastifyInstance, metrics: Metrics, token: string | undefined) {
  const expected = token ? Buffer.from(`Bearer ${token}`) : null;
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (expected) {
      const given = Buffer.from(request.headers.authorization ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return reply
          .status(401)
          .header('www-authenticate', 'Bearer realm="metrics"')
          .type('text/plain; charset=utf-8')
          .send('metrics: a bearer token is required\n');
      }
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
