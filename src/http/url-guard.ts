import type { FastifyReply, FastifyRequest } from 'fastify';
import { checkOpaqueText } from '../domain/text';
import { type FieldProblem, sendError } from './reply-error';

/** Longest URL the product answers (path and query); longer is a 400 before any route runs. */
const MAX_URL = 8192;

function decoded(part: string): string | null {
  try {
    return decodeURIComponent(part.replaceAll('+', ' '));
  } catch {
    return null;
  }
}

/**
 * The text boundary for URLs (issue 14): a path or query whose decoded text holds a control
 * character (NUL included), a bidi control, U+FFFD, an unpaired surrogate or broken percent
 * encoding is refused here, once for every route, with a 400 naming the part
 * (`params` or `querystring.<name>`). Route schemas then check each parameter's own shape.
 */
export function urlProblem(url: string): FieldProblem | null {
  if (url.length > MAX_URL) return { path: 'params', problem: 'too_long', params: { max: MAX_URL } };
  const q = url.indexOf('?');
  const pathPart = q === -1 ? url : url.slice(0, q);
  const path = decoded(pathPart);
  const pathProblem = path === null ? 'invalid' : checkOpaqueText(path, MAX_URL);
  if (pathProblem) return { path: 'params', problem: pathProblem };
  if (q === -1) return null;
  for (const pair of url.slice(q + 1).split('&')) {
    const eq = pair.indexOf('=');
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    const name = decoded(rawName);
    const value = eq === -1 ? '' : decoded(pair.slice(eq + 1));
    const field = `querystring.${name !== null && checkOpaqueText(name, 200) === null ? name : '?'}`;
    if (name === null || value === null) return { path: field, problem: 'invalid' };
    const problem = checkOpaqueText(name, MAX_URL) ?? checkOpaqueText(value, MAX_URL);
    if (problem) return { path: field, problem };
  }
  return null;
}

/** onRequest hook: refuses an unsafe URL (see `urlProblem`) before routing reaches a handler. */
export async function guardUrl(request: FastifyRequest, reply: FastifyReply) {
  const problem = urlProblem(request.url);
  if (problem) return sendError(request, reply, 'VALIDATION_FAILED', [problem]);
}
