import type { FastifyInstance } from 'fastify';

export interface Response<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
  /** The body's bytes (for files: PDF, XLSX). */
  raw: Buffer;
}

/**
 * A browser-like API client for tests: keeps cookies, fetches the CSRF token for mutating
 * requests, sends JSON. One client = one person's browser.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  private csrf: string | null = null;

  constructor(
    private readonly server: FastifyInstance,
    private readonly lang = 'nb',
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keepCookies(setCookie: string | string[] | number | undefined) {
    const list = Array.isArray(setCookie) ? setCookie : setCookie ? [String(setCookie)] : [];
    for (const raw of list) {
      const [pair, ...attrs] = raw.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /expires=Thu, 01 Jan 1970/i.test(a) || /max-age=0/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
      if (name.endsWith('bb_session')) this.csrf = null;
    }
  }

  async request<T = any>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<Response<T>> {
    const headers: Record<string, string> = { 'accept-language': this.lang, ...extraHeaders };
    if (method !== 'GET') {
      if (this.csrf === null) {
        const r = await this.server.inject({
          method: 'GET',
          url: '/api/auth/csrf',
          headers: { cookie: this.cookieHeader() },
        });
        this.keepCookies(r.headers['set-cookie']);
        this.csrf = (r.json() as { token: string }).token;
      }
      headers['x-csrf-token'] = this.csrf;
    }
    const cookie = this.cookieHeader();
    if (cookie) headers.cookie = cookie;
    const response = await this.server.inject({
      method,
      url,
      headers,
      ...(body === undefined
        ? {}
        : typeof body === 'string'
          ? { payload: body }
          : { payload: body as object }),
    });
    this.keepCookies(response.headers['set-cookie']);
    let parsed: unknown = response.body;
    if (String(response.headers['content-type'] ?? '').includes('json')) parsed = response.json();
    return {
      status: response.statusCode,
      body: parsed as T,
      headers: response.headers,
      text: response.body,
      raw: response.rawPayload,
    };
  }

  get<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('GET', url, undefined, headers);
  }
  post<T = any>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body ?? {}, headers);
  }
  patch<T = any>(url: string, body?: unknown) {
    return this.request<T>('PATCH', url, body ?? {});
  }
  put<T = any>(url: string, body?: unknown) {
    return this.request<T>('PUT', url, body ?? {});
  }
  delete<T = any>(url: string) {
    return this.request<T>('DELETE', url);
  }

  async login(email: string, password: string) {
    const r = await this.post('/api/auth/login', { email, password });
    if (r.status !== 200) throw new Error(`login failed: ${r.status} ${r.text}`);
    return r.body;
  }

  /** Raw cookie jar access, e.g. to test what a request without the CSRF header gets. */
  get cookieJar() {
    return this.cookies;
  }
}
