import { type APIRequestContext, expect, type Page } from '@playwright/test';

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
  method: 'post' | 'delete',
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
export async function companyAdmin(page: Page, name: string): Promise<{ adminEmail: string }> {
  const adminEmail = `admin-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.no`;
  await send(page.request, 'post', '/api/auth/login', {
    email: 'operator@example.no',
    password: 'operator-password-123',
  });
  await send(page.request, 'post', '/api/operator/companies', {
    orgNumber: randomOrgNumber(),
    name,
    contact: { name: 'Kari Nordmann', email: adminEmail },
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
