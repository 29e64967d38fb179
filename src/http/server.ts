import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import scalar from '@scalar/fastify-api-reference';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AdjustableClock } from '../adapters/clock';
import { createRootLogger } from '../adapters/logging';
import type { AppContext } from '../app/context';
import { cookieNames, registerSessions } from './auth/sessions';
import { registerMetricsRoute, registerObservability, requestIdFor } from './observability';
import { handleError, sendError } from './reply-error';
import { registerRoutes } from './routes';
import { baseReadiness, type ReadinessCheck } from './routes/health';
import { registerSecurityHeaders } from './security-headers';
import { trustProxyOption } from './trust-proxy';
import { guardUrl } from './url-guard';

export interface ServerOptions {
  /** The built web app (Vite output); served with fallback to index.html for client routes. */
  webDir?: string;
  /** Present in development and tests: the clock that /api/dev/clock moves. */
  devClock?: AdjustableClock;
  logger?: boolean;
  /** The process's root logger (bootstrap); otherwise one is made from the configuration. */
  loggerInstance?: FastifyBaseLogger;
  /** What `/ready` checks; default: the database and its migrations. */
  readiness?: Record<string, ReadinessCheck>;
  /** A worker process: only /health, /ready, /metrics (and the dev routes outside production). */
  systemOnly?: boolean;
}

export type App = FastifyInstance;

export async function buildServer(ctx: AppContext, options: ServerOptions = {}): Promise<FastifyInstance> {
  const isProduction = ctx.config.NODE_ENV === 'production';
  const app = Fastify({
    ...(options.logger === false
      ? { logger: false }
      : { loggerInstance: options.loggerInstance ?? createRootLogger(ctx.config) }),
    genReqId: requestIdFor,
    requestIdHeader: false,
    trustProxy: trustProxyOption(ctx.config.TRUST_PROXY),
    bodyLimit: 5 * 1024 * 1024,
    routerOptions: { maxParamLength: 500 },
    // Malformed URLs and the like never reach the error handler: give them the contract's body too.
    frameworkErrors: (error, request, reply) => {
      sendError(request, reply, error.code === 'FST_ERR_BAD_URL' ? 'ROUTE_NOT_FOUND' : 'VALIDATION_FAILED');
    },
  }).withTypeProvider<ZodTypeProvider>();

  registerObservability(app, ctx.metrics);
  app.addHook('onRequest', guardUrl);
  // brotli or gzip for every text answer (JSON, HTML, JS, CSS, SVG…) the client accepts, above 1 KiB;
  // registered before any route and the not-found handler so it covers them all.
  await app.register(fastifyCompress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => handleError(error, request, reply));
  app.setNotFoundHandler((request, reply) => sendError(request, reply, 'ROUTE_NOT_FOUND'));

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // 'wasm-unsafe-eval' lets the inspection page compile its own QR decoder (zxing-wasm, served
        // from 'self'); it allows WebAssembly only, not eval() of script.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        // No site may frame a page, except the order page on the origins its company allows
        // (src/http/security-headers.ts).
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: isProduction ? [] : null,
      },
    },
    hsts: isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    // Links carry tokens (/bestill, /billett, invitations, resets): never leak them as a referrer.
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Bedriftsbillett API',
        version: '1.0.0',
        description:
          'The public HTTP contract (v1) of Bedriftsbillett. Money in øre, dates YYYY-MM-DD, months YYYY-MM.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: cookieNames(ctx.config).session },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(async (docs) => {
    // The docs page loads its own inline script; it gets a CSP of its own.
    docs.addHook('onSend', async (_request, reply) => {
      reply.header(
        'content-security-policy',
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'",
      );
    });
    await docs.register(scalar, { routePrefix: '/api/docs', configuration: { url: '/api/openapi.json' } });
  });

  registerSessions(app, ctx);
  registerSecurityHeaders(app, ctx);
  registerMetricsRoute(app, ctx.metrics, ctx.config.METRICS_TOKEN);
  await registerRoutes(app, ctx, {
    devClock: options.devClock,
    readiness: options.readiness ?? baseReadiness(ctx),
    systemOnly: options.systemOnly ?? false,
  });

  if (!options.systemOnly && options.webDir && existsSync(options.webDir)) {
    await app.register(fastifyStatic, {
      root: path.resolve(options.webDir),
      wildcard: false,
      index: ['index.html'],
      cacheControl: false,
      setHeaders: (reply, file) => reply.header('cache-control', cacheControlFor(file)),
    });
    if (existsSync(path.join(options.webDir, 'index.html'))) {
      // The web app's client routes (/bestill/…, /operator/…) get index.html — through a route, so
      // it is compressed like every other answer; unknown API paths stay the contract's 404.
      app.get('/*', { schema: { hide: true } }, (request, reply) => {
        if (isApiPath(request.url)) return sendError(request, reply, 'ROUTE_NOT_FOUND');
        // The development pages (/dev/meldinger) exist only where their API does (issue 12 leftover).
        if (!ctx.config.isDev && /^\/dev(\/|$|\?)/.test(request.url))
          return sendError(request, reply, 'ROUTE_NOT_FOUND');
        return reply.type('text/html').sendFile('index.html');
      });
    }
  }
  return app;
}

/**
 * Cache-Control of a web-app file: Vite's hashed output (`assets/name-<hash>.ext`) never changes
 * under its name, so it is cached for a year and never revalidated; everything else (index.html,
 * the service worker, the manifest) is revalidated on every use so a new release is seen at once.
 */
export function cacheControlFor(file: string): string {
  return /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(file)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}

function isApiPath(rawUrl: string): boolean {
  const url = rawUrl.split('?')[0] ?? '';
  return (
    url.startsWith('/api/') ||
    url === '/api' ||
    url.startsWith('/.well-known/') ||
    url === '/health' ||
    url === '/ready' ||
    url === '/metrics'
  );
}
