import { type APIRequestContext, expect as baseExpect, request, test } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { resetServerClock } from './support/clock';
import { randomOrgNumber } from './support/company-admin';

test.use({ serviceWorkers: 'block' });
const expect = baseExpect.configure({ timeout: 30_000 });

const OPERATOR = { email: 'operator@example.no', password: 'operator-password-123' };
const mobileBase = 41_000_000 + Math.floor(Math.random() * 9_000) * 100;

async function send(api: APIRequestContext, path: string, data?: unknown) {
  const token = ((await (await api.get('/api/auth/csrf')).json()) as { token: string }).token;
  const response = await api.post(path, { data, headers: { 'X-CSRF-Token': token } });
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBeTruthy();
  return response.status() === 204 ? null : response.json();
}

async function invitationToken(api: APIRequestContext, email: string): Promise<string> {
  let token: string | undefined;
  await expect
    .poll(async () => {
      const r = await api.get(`/api/dev/outbox?to=${encodeURIComponent(email)}`);
      const messages = ((await r.json()) as { messages: { body: string }[] }).messages;
      token = messages.map((m) => m.body.match(/\/bedrift\/invitasjon\/([A-Za-z0-9_-]+)/)?.[1]).find(Boolean);
      return token;
    })
    .toBeTruthy();
  return token as string;
}

test.beforeAll(async ({ baseURL }) => {
  await resetServerClock(baseURL);
});

test('item 16.4: a full admin invites a payroll admin, who sees subscriptions, payroll and invoices and no buttons that change anything', async ({
  page,
  baseURL,
}) => {
  const operator = await request.newContext({ baseURL });
  await send(operator, '/api/auth/login', OPERATOR);
  const adminEmail = `roller-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.no`;
  await send(operator, '/api/operator/companies', {
    orgNumber: randomOrgNumber(),
    name: 'Roller AS',
    contact: { name: 'Kari Nordmann', email: adminEmail },
  });
  await send(page.request, `/api/auth/invitations/${await invitationToken(operator, adminEmail)}/accept`, {
    password: 'et langt og godt passord',
  });
  const sub = await send(page.request, '/api/company/subscriptions', {
    firstName: 'Ola',
    lastName: 'Hansen',
    phone: `+47${mobileBase + 1}`,
    zoneIds: ['kristiansand'],
    categoryId: 'voksen',
  });

  // The full admin invites a payroll admin.
  const payrollEmail = `lonn-${Date.now()}@example.no`;
  await page.goto('/bedrift/administratorer');
  await page.getByLabel('Navn').fill('Lønn Lønnsen');
  await page.getByLabel('E-post').fill(payrollEmail);
  await page.getByRole('radio', { name: 'Lønn' }).check();
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Send invitasjon' }).click();
  await expect(page.getByRole('row', { name: /Lønn Lønnsen/ })).toContainText('Lønn');

  // The payroll admin accepts and looks around.
  await send(page.request, '/api/auth/logout', {});
  await send(page.request, `/api/auth/invitations/${await invitationToken(operator, payrollEmail)}/accept`, {
    password: 'et annet langt passord',
  });
  await operator.dispose();
  await page.goto(`/bedrift/abonnementer/${sub.id}`);
  await expect(page.getByRole('heading', { level: 1, name: /Ola Hansen/ })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Bedriftsportalen' });
  await expect(nav.getByRole('link')).toHaveText(['Oversikt', 'Abonnementer', 'Fakturaer', 'Lønnstrekk']);
  await expect(page.getByRole('button', { name: 'Endre soner' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Avslutt abonnement' })).toHaveCount(0);
  await expectNoA11yViolations(page);
  await nav.getByRole('link', { name: 'Lønnstrekk' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoA11yViolations(page);
});
