import path from 'node:path';
import { type APIRequestContext, expect as baseExpect, test } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { resetServerClock } from './support/clock';
import { randomOrgNumber } from './support/company-admin';

test.use({ serviceWorkers: 'block' });
const expect = baseExpect.configure({ timeout: 30_000 });

const repoRoot = path.resolve(import.meta.dirname, '../..');
const EXCEL_1252 = path.join(repoRoot, '..', 'shared', 'cases', 'subscriptions-excel-windows-1252.csv');

async function post(request: APIRequestContext, url: string, data: unknown) {
  const token = ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const response = await request.post(url, { data, headers: { 'X-CSRF-Token': token } });
  expect(response.ok(), `${url}: ${response.status()} ${await response.text()}`).toBeTruthy();
  return response.status() === 204 ? null : response.json();
}

test.beforeAll(async ({ baseURL }) => {
  await resetServerClock(baseURL);
});

test("issue 14 item 4: Norwegian Excel's Windows-1252 CSV previews Trine Ødegård and Jørn Ås, read as Windows-1252", async ({
  page,
}) => {
  const adminEmail = `import-${Date.now()}@example.no`;
  await post(page.request, '/api/auth/login', {
    email: 'operator@example.no',
    password: 'operator-password-123',
  });
  await post(page.request, '/api/operator/companies', {
    orgNumber: randomOrgNumber(),
    name: 'Agder Import AS',
    contact: { name: 'Ida Import', email: adminEmail },
  });
  let token: string | undefined;
  await expect
    .poll(async () => {
      const r = await page.request.get(`/api/dev/outbox?to=${encodeURIComponent(adminEmail)}`);
      const messages = ((await r.json()) as { messages: { body: string }[] }).messages;
      token = messages.map((m) => /\/bedrift\/invitasjon\/([A-Za-z0-9_-]+)/.exec(m.body)?.[1]).find(Boolean);
      return token;
    })
    .toBeTruthy();
  await post(page.request, '/api/auth/logout', {});
  await post(page.request, `/api/auth/invitations/${token}/accept`, { password: 'et langt og godt passord' });

  await page.goto('/bedrift/nytt-abonnement/import');
  await page.getByLabel('Fil', { exact: true }).setInputFiles(EXCEL_1252);
  const preview = page.getByRole('table');
  await expect(preview.getByRole('cell', { name: 'Trine Ødegård' })).toBeVisible();
  await expect(preview.getByRole('cell', { name: 'Jørn Ås' })).toBeVisible();
  await expect(page.getByText('Filen er lest som Windows-1252.')).toBeVisible();
  await expectNoA11yViolations(page);
});
