import { type APIRequestContext, expect, type Page, request } from '@playwright/test';

/** A valid organisation number (MOD11) starting with 9, different on each call. */
export function randomOrgNumber(): string {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  for (;;) {
    const digits = Array.from({ length: 8 }, (_, i) => (i === 0 ? 9 : Math.floor(Math.random() * 10)));
    const r = digits.reduce((sum, d, i) => sum + d * (weights[i] ?? 0), 0) % 11;
    if (r === 1) continue;
    return `${digits.join('')}${r === 0 ? 0 : 11 - r}`;
  }
}

/** A JSON request with the session's CSRF token; fails the test on a non-2xx answer. */
export async function send(
  request: APIRequestContext,
  method: 'post' | 'patch' | 'put' | 'delete',
  path: string,
  data?: unknown,
) {
  const token = ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const response = await request[method](path, { data, headers: { 'X-CSRF-Token': token } });
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBeTruthy();
  return response.json();
}

/**
 * A new company registered by the operator, whose admin the page is then logged in as (the
 * invitation read from the development outbox and accepted through the API).
 */
export async function companyAdmin(
  page: Page,
  name: string,
  /** More of the registration (e.g. `invoiceAddress`). */
  extra: Record<string, unknown> = {},
): Promise<{ adminEmail: string }> {
  const adminEmail = `admin-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.no`;
  await send(page.request, 'post', '/api/auth/login', {
    email: 'operator@example.no',
    password: 'operator-password-123',
  });
  await send(page.request, 'post', '/api/operator/companies', {
    orgNumber: randomOrgNumber(),
    name,
    contact: { name: 'Kari Nordmann', email: adminEmail },
    ...extra,
  });
  let token: string | undefined;
  await expect
    .poll(async () => {
      const r = await page.request.get(`/api/dev/outbox?to=${encodeURIComponent(adminEmail)}`);
      const messages = ((await r.json()) as { messages: { body: string }[] }).messages;
      token = messages.map((m) => m.body.match(/\/bedrift\/invitasjon\/([A-Za-z0-9_-]+)/)?.[1]).find(Boolean);
      return token;
    })
    .toBeTruthy();
  await send(page.request, 'post', `/api/auth/invitations/${token}/accept`, {
    password: 'et langt og godt passord',
  });
  return { adminEmail };
}

/** The seeded operator's login (see README: development start). */
export const OPERATOR = { email: 'operator@example.no', password: 'operator-password-123' };

/** The development outbox's messages to one address or phone number, oldest first. */
export async function outbox(api: APIRequestContext, to: string) {
  const r = await api.get(`/api/dev/outbox?to=${encodeURIComponent(to)}`);
  return (await r.json()).messages as { channel: string; body: string; kind: string }[];
}

/**
 * A new company registered by the operator in an API context of its own, and its contact's own
 * API context after accepting the invitation (password `admin-password-1234`). Returns both
 * contexts (the caller disposes of them), the admin's CSRF token, e-mail and organisation number.
 */
export async function companyAdminContext(baseURL: string, name: string, prefix = 'kontakt') {
  const operator = await request.newContext({ baseURL });
  const login = await (await operator.post('/api/auth/login', { data: OPERATOR })).json();
  const email = `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@bedrift.example`;
  const org = randomOrgNumber();
  const created = await operator.post('/api/operator/companies', {
    data: { orgNumber: org, name, contact: { name: 'Kari Kontakt', email } },
    headers: { 'x-csrf-token': login.csrfToken },
  });
  expect(created.status()).toBe(201);
  const invitation = (await outbox(operator, email))[0]!.body;
  const token = /\/bedrift\/invitasjon\/([A-Za-z0-9_-]+)/.exec(invitation)![1];
  const admin = await request.newContext({ baseURL });
  const accepted = await admin.post(`/api/auth/invitations/${token}/accept`, {
    data: { password: 'admin-password-1234' },
  });
  expect(accepted.status()).toBe(200);
  const csrf = (await accepted.json()).csrfToken as string;
  return { operator, admin, csrf, email, org };
}
