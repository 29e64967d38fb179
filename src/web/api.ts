import i18n from './i18n';

/** A failed API call: the HTTP status and the body's `{"error":{"code","message","details"}}`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let csrfToken: Promise<string> | undefined;

function fetchCsrfToken(): Promise<string> {
  csrfToken ??= send<{ token: string }>('GET', '/api/auth/csrf').then(
    (r) => r.token,
    (error: unknown) => {
      csrfToken = undefined;
      throw error;
    },
  );
  return csrfToken;
}

async function parseBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  if (!(response.headers.get('content-type') ?? '').includes('json')) return text;
  return JSON.parse(text);
}

async function send<T>(method: Method, path: string, body?: unknown, csrf?: string): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.resolvedLanguage ?? i18n.language ?? 'nb',
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (csrf) headers['X-CSRF-Token'] = csrf;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, 'NETWORK_ERROR', error instanceof Error ? error.message : String(error));
  }
  const data = await parseBody(response).catch(() => undefined);
  if (response.ok) return data as T;
  const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)
    ?.error;
  throw new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? response.statusText,
    error?.details,
  );
}

async function mutate<T>(method: Method, path: string, body?: unknown): Promise<T> {
  try {
    return await send<T>(method, path, body, await fetchCsrfToken());
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 403 && error.code === 'CSRF_TOKEN_INVALID'))
      throw error;
    csrfToken = undefined;
    return send<T>(method, path, body, await fetchCsrfToken());
  }
}

/** Forget the CSRF token, e.g. after login or logout when the server issues a new session. */
export function resetCsrfToken(): void {
  csrfToken = undefined;
}

export const api = {
  get: <T>(path: string) => send<T>('GET', path),
  post: <T>(path: string, body?: unknown) => mutate<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => mutate<T>('PUT', path, body),
  patch: <T>(path: string, body?: unknown) => mutate<T>('PATCH', path, body),
  delete: <T>(path: string, body?: unknown) => mutate<T>('DELETE', path, body),
};
