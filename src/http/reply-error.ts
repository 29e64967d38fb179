import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from '../domain/errors';
import {
  type Lang,
  pickLang,
  severalFieldsMessage,
  translateError,
  translateFieldProblem,
} from './error-messages';
import { statusOf } from './errors';
import { noteErrorCode } from './observability';

/** What a client is told to wait before retrying while the database is away (seconds). */
export const UNAVAILABLE_RETRY_SECONDS = 5;

/** SQLSTATEs of a database that is not there: connection exceptions, shutdown, cannot connect now. */
const UNAVAILABLE_SQLSTATES = /^(08...|57P01|57P02|57P03|53300)$/;
const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection is closed|Query read timeout/i;

/**
 * Whether an error (or any error it wraps, as drizzle wraps the driver's) means the database cannot
 * be reached right now, rather than a fault in the request or the code: such a request is answered
 * 503 with Retry-After, never 500 (issue 18.2).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_NODE_CODES.has(code)))
      return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  }
  return false;
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  details?: unknown,
  params?: Record<string, string | number>,
) {
  noteErrorCode(reply, code);
  const lang = pickLang(request.headers['accept-language']);
  if (code === 'TOO_MANY_REQUESTS' || code === 'OTP_LOCKED' || code === 'SMS_BUDGET_EXCEEDED') {
    const retry = params?.retryAfterSeconds;
    if (retry !== undefined) reply.header('retry-after', String(retry));
  }
  if (code === 'SERVICE_UNAVAILABLE') reply.header('retry-after', String(UNAVAILABLE_RETRY_SECONDS));
  const fields = fieldProblems(details, lang);
  return reply.status(statusOf[code]).send({
    error: {
      code,
      message: fields?.message ?? translateError(code, lang, params),
      ...(details === undefined ? {} : { details: fields?.details ?? details }),
    },
  });
}

/** One field's problem in a VALIDATION_FAILED: `path` like `body.firstName`, `problem` a key of fieldProblemMessages. */
export interface FieldProblem {
  path: string;
  problem: string;
  params?: Record<string, string | number>;
  /** The error code a schema asks for instead of VALIDATION_FAILED (e.g. MONTH_INVALID). */
  code?: ErrorCode;
}

const CONTEXTS = /^(body|querystring|params|headers)\.?/;

function isFieldProblem(value: unknown): value is FieldProblem {
  const v = value as FieldProblem | null;
  return typeof v?.path === 'string' && typeof v.problem === 'string';
}

/**
 * Translates details that name fields and their problems, and makes the error's message name
 * them: one field → its own message ("«firstName» inneholder et kontrolltegn…"), several → a list.
 */
function fieldProblems(details: unknown, lang: Lang) {
  if (!Array.isArray(details) || details.length === 0 || !details.every(isFieldProblem)) return null;
  const translated = details.map(({ path, problem, params }: FieldProblem) => ({
    path,
    problem,
    message: translateFieldProblem(problem, path.replace(CONTEXTS, ''), lang, params),
  }));
  const fields = [...new Set(details.map((d) => d.path.replace(CONTEXTS, '')))];
  const message =
    fields.length === 1
      ? (translated[0]?.message ?? '')
      : severalFieldsMessage[lang].replace('{fields}', fields.map((f) => f || 'body').join(', '));
  return { details: translated, message };
}

type ZodIssueLike = {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
};

/** A zod issue (as fastify-type-provider-zod passes it) as a field problem. */
function problemOfIssue(context: string, issue: ZodIssueLike): FieldProblem {
  const path = `${context}${issue.instancePath.replaceAll('/', '.')}`.replace(/\.$/, '');
  const p = issue.params;
  const own = p.params as { problem?: string; code?: ErrorCode } | undefined;
  if (issue.keyword === 'custom' && own?.problem) {
    const { problem, code, ...rest } = own;
    return { path, problem, params: rest as Record<string, string | number>, ...(code ? { code } : {}) };
  }
  switch (issue.keyword) {
    case 'invalid_type':
      return { path, problem: /received undefined/.test(issue.message) ? 'required' : 'wrong_type' };
    case 'too_big':
      return { path, problem: 'too_big', params: { max: String(p.maximum) } };
    case 'too_small':
      return { path, problem: 'too_small', params: { min: String(p.minimum) } };
    case 'invalid_format':
      return { path, problem: p.format === 'email' ? 'email_invalid' : 'pattern' };
    case 'invalid_value':
      return { path, problem: 'not_allowed' };
    case 'unrecognized_keys':
      return { path, problem: 'unknown_keys', params: { keys: ((p.keys as string[]) ?? []).join(', ') } };
    default:
      return { path, problem: 'invalid' };
  }
}

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

/** Maps every error to the contract's body; only an unexpected one is a 500, and it is logged. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return sendError(request, reply, error.code, error.details, error.params);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = error.validationContext ?? 'body';
    const details = error.validation.map((v) => problemOfIssue(context, v as unknown as ZodIssueLike));
    // A schema may name its own code (calendar.month → MONTH_INVALID) when it is the only problem.
    const codes = new Set(details.map((d) => d.code));
    const [only] = codes;
    return sendError(request, reply, codes.size === 1 && only ? only : 'VALIDATION_FAILED', details);
  }
  const fastifyError = error as FastifyError;
  const mapped = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (mapped) return sendError(request, reply, mapped);
  if (error instanceof SyntaxError) return sendError(request, reply, 'INVALID_JSON');
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return sendError(request, reply, fastifyError.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED');
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    return sendError(request, reply, 'SERVICE_UNAVAILABLE');
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendError(request, reply, 'INTERNAL');
}
