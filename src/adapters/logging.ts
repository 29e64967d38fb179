import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger as PinoLogger } from 'pino';
import pinoPretty from 'pino-pretty';
import type { Logger } from '../app/ports';
import type { Config } from '../config';
import { redactUrl } from '../http/log-redaction';

/** The logger of the request being served, if any (set by the HTTP layer for each request). */
export const requestScope = new AsyncLocalStorage<{ log: Logger }>();

/**
 * The process's root logger: JSON lines in production and tests, human-readable lines in
 * development (pino-pretty, written synchronously so nothing is lost at exit). Secrets in request
 * headers are redacted (`[redacted]`).
 */
export function createRootLogger(config: Config): PinoLogger {
  const options: pino.LoggerOptions = {
    level: config.LOG_LEVEL,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: { method: string; url: string; ip?: string; socket?: { remoteAddress?: string } }) => ({
        method: request.method,
        url: redactUrl(request.url),
        remoteAddress: request.ip ?? request.socket?.remoteAddress,
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      err: pino.stdSerializers.err,
    },
  };
  if (config.NODE_ENV === 'development') {
    return pino(options, pinoPretty({ sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }));
  }
  return pino(options);
}

/**
 * The logger use cases and jobs get (`ctx.log`): inside a request it writes through that request's
 * logger, so the line carries the request id (`reqId`) like Fastify's own lines; elsewhere (jobs,
 * start-up) through the root logger.
 */
export function scopedLogger(root: Logger): Logger {
  const current = () => requestScope.getStore()?.log ?? root;
  return {
    info: (obj, msg) => current().info(obj, msg),
    warn: (obj, msg) => current().warn(obj, msg),
    error: (obj, msg) => current().error(obj, msg),
  };
}

/**
 * pg-boss's errors (a database that is away, mostly) as one JSON log line each, without the
 * driver's client object (it carries the connection's cancel key), and one line per distinct
 * message in 30 s at the most: an outage is told, not dumped thousands of times (hostile check, 18).
 */
export function jobQueueErrorLogger(log: Pick<Logger, 'error'>, now: () => number = Date.now) {
  const lastSeen = new Map<string, number>();
  return (error: Error) => {
    const message = String(error?.message ?? error).slice(0, 300);
    const at = now();
    if ((lastSeen.get(message) ?? -Infinity) > at - 30_000) return;
    lastSeen.set(message, at);
    if (lastSeen.size > 100) lastSeen.clear();
    log.error({ err: { message, code: (error as { code?: string })?.code } }, 'job queue error');
  };
}
