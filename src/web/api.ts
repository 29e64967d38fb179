import i18n from './i18n';

/** A failed API call: the HTTP status and the body's `{"error":{"code","message","details"}}`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** A 429's wait from the Retry-After header, in seconds (issue 15 item 6). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  /**
   * The problems the server named per field, by field path (`contact.email`): from
   * `details: [{ path, message? }]` (the error's message where a detail has none), and for an
   * error code that is about one field (`codes`, e.g. EMAIL_TAKEN → contact.email) that field.
   */
  fieldMessages(codes: Record<string, string> = {}): Record<string, string> {
    const out: Record<string, string> = {};
    const own = codes[this.code];
    if (own) out[own] = this.message;
    if (!Array.isArray(this.details)) return out;
    for (const d of this.details as { path?: unknown; message?: unknown }[]) {
      if (typeof d?.path !== 'string') continue;
      const key = d.path.replace(/^(body|querystring|params)\.?/, '');
      out[key] ??= typeof d.message === 'string' ? d.message : this.message;
    }
    return out;
  }
}

/** The field problems of an error (empty when it is not an ApiError or names no field). */
export function fieldMessagesOf(error: unknown, codes?: Record<string, string>): Record<string, string> {
  return error instanceof ApiError ? error.fieldMessages(codes) : {};
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Sees every API answer's headers (the wallet reads DPoP-Nonce and Date from them). */
export type ResponseObserver = (path: string, response: Response) => void;
const observers = new Set<ResponseObserver>();

/** Registers an observer of every API answer; returns the function that removes it. */
export function observeResponses(observer: ResponseObserver): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

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

async function send<T>(
  method: Method,
  path: string,
  body?: unknown,
  csrf?: string,
  as: 'json' | 'file' = 'json',
  extra: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.resolvedLanguage ?? i18n.language ?? 'nb',
    ...extra,
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
  for (const observer of observers) observer(path, response);
  if (as === 'file' && response.ok) return fileOf(response) as Promise<T>;
  const data = await parseBody(response).catch(() => undefined);
  if (response.ok) return data as T;
  const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)
    ?.error;
  const retryAfter = Number(response.headers.get('retry-after'));
  throw new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? response.statusText,
    error?.details,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}

/** A file the server answered with: its bytes and the name from Content-Disposition. */
export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

async function fileOf(response: Response): Promise<DownloadedFile> {
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'download';
  return { blob: await response.blob(), filename };
}

/** A fresh key per sending (issue 15 item 5): routes that read Idempotency-Key answer a repeat once. */
function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

async function mutate<T>(
  method: Method,
  path: string,
  body?: unknown,
  as?: 'json' | 'file',
  headers?: () => Promise<Record<string, string>>,
): Promise<T> {
  // One key for the request and its retry after a renewed CSRF token: the server sees one request.
  const key = newIdempotencyKey();
  const extra = async () => ({ ...(await headers?.()), 'Idempotency-Key': key });
  try {
    return await send<T>(method, path, body, await fetchCsrfToken(), as, await extra());
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 403 && error.code === 'CSRF_TOKEN_INVALID'))
      throw error;
    csrfToken = undefined;
    return send<T>(method, path, body, await fetchCsrfToken(), as, await extra());
  }
}

/** Forget the CSRF token, e.g. after login or logout when the server issues a new session. */
export function resetCsrfToken(): void {
  csrfToken = undefined;
}

export const api = {
  get: <T>(path: string, headers?: Record<string, string>) =>
    send<T>('GET', path, undefined, undefined, 'json', headers),
  /** A POST whose extra headers are made per attempt (a DPoP proof is single use). */
  postWith: <T>(path: string, body: unknown, headers: () => Promise<Record<string, string>>) =>
    mutate<T>('POST', path, body, 'json', headers),
  post: <T>(path: string, body?: unknown) => mutate<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => mutate<T>('PUT', path, body),
  patch: <T>(path: string, body?: unknown) => mutate<T>('PATCH', path, body),
  delete: <T>(path: string, body?: unknown) => mutate<T>('DELETE', path, body),
  /** A POST that answers with a file (e.g. recording a payroll export): the file, for saveFile. */
  postForFile: (path: string, body?: unknown) => mutate<DownloadedFile>('POST', path, body, 'file'),
};

/** Hands a downloaded file to the browser to save, under its own name. */
export function saveFile({ blob, filename }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
