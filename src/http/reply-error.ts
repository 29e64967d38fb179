import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from '../domain/errors';
import { pickLang, translateError } from './error-messages';
import { statusOf } from './errors';

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  details?: unknown,
  params?: Record<string, string | number>,
) {
  const lang = pickLang(request.headers['accept-language']);
  if (code === 'TOO_MANY_REQUESTS' || code === 'OTP_LOCKED') {
    const retry = params?.retryAfterSeconds;
    if (retry !== undefined) reply.header('retry-after', String(retry));
  }
  return reply.status(statusOf[code]).send({
    error: {
      code,
      message: translateError(code, lang, params),
      ...(details === undefined ? {} : { details }),
    },
  });
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
    const details = error.validation.map((v) => ({
      path: `${error.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
      message: v.message,
    }));
    return sendError(request, reply, 'VALIDATION_FAILED', details);
  }
  const fastifyError = error as FastifyError;
  const mapped = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (mapped) return sendError(request, reply, mapped);
  if (error instanceof SyntaxError) return sendError(request, reply, 'INVALID_JSON');
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return sendError(request, reply, fastifyError.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED');
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendError(request, reply, 'INTERNAL');
}
