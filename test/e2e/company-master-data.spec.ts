import { type APIRequestContext, expect as baseExpect, type Page, request, test } from '@playwright/test';
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

/** A company registered by the operator (own request context) and its admin logged in on the page. */
async function companyAdmin(page: Page, baseURL: string | undefined) {
  const operator = await request.newContext({ baseURL });
  await send(operator, '/api/auth/login', OPERATOR);
  const adminEmail = `stamdata-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.no`;
  const company = await send(operator, '/api/operator/companies', {
    orgNumber: randomOrgNumber(),
    name: 'Stamdata AS',
    invoiceAddress: { street: 'Gata 1', postalCode: '4630', city: 'Kristiansand' },
    contact: { name: 'Kari Nordmann', email: adminEmail },
  });
  let token: string | undefined;
  await expect
    .poll(async () => {
      const r = await operator.get(`/api/dev/outbox?to=${encodeURIComponent(adminEmail)}`);
      const messages = ((await r.json()) as { messages: { body: string }[] }).messages;
      token = messages.map((m) => m.body.match(/\/bedrift\/invitasjon\/([A-Za-z0-9_-]+)/)?.[1]).find(Boolean);
      return token;
    })
    .toBeTruthy();
  await operator.dispose();
  await send(page.request, `/api/auth/invitations/${token}/accept`, { password: 'et langt og godt passord' });
  return company as { id: string; orgNumber: string };
}

test.beforeAll(async ({ baseURL }) => {
  await resetServerClock(baseURL);
});

test("item 16.5: the company's admin changes the name and invoice details; the log says so in words", async ({
  page,
  baseURL,
}) => {
  await companyAdmin(page, baseURL);
  await page.goto('/bedrift/bedriftsopplysninger');
  await expect(page.getByRole('heading', { level: 1, name: 'Bedriftsopplysninger' })).toBeVisible();
  await expect(page.getByLabel('Bedriftens navn')).toHaveValue('Stamdata AS');
  await expectNoA11yViolations(page);
  await page.getByLabel('Postnummer').fill('46');
  await expect(page.getByText('Postnummeret må ha fire sifre.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lagre opplysningene' })).toBeDisabled();
  await page.getByLabel('Postnummer').fill('4611');
  await page.getByLabel('Bedriftens navn').fill('Stamdata Nye AS');
  await page.getByLabel('Fakturareferanse (EHF)').fill('PO-4711');
  await page.getByRole('button', { name: 'Lagre opplysningene' }).click();
  await expect(page.getByText('Opplysningene er lagret. Neste faktura bruker dem.')).toBeVisible();
  await expect(page.getByLabel('Bedriftens navn')).toHaveValue('Stamdata Nye AS');
  await page.getByRole('link', { name: 'Logg' }).click();
  const entry = page
    .getByRole('article')
    .filter({ hasText: 'Kari Nordmann endret bedriftens navn eller fakturaopplysninger' });
  await expect(entry.getByRole('definition').first()).toBeVisible();
  await expect(entry).toContainText('Stamdata AS → Stamdata Nye AS');
  await expect(entry).toContainText('ingen → PO-4711');
  await expectNoA11yViolations(page);
});

test("item 16.5: the operator sees the company's subscriptions read-only, deactivates and reactivates it", async ({
  page,
  baseURL,
}) => {
  const company = await companyAdmin(page, baseURL);
  await send(page.request, '/api/company/subscriptions', {
    firstName: 'Ola',
    lastName: 'Hansen',
    phone: `+47${mobileBase + 1}`,
    zoneIds: ['kristiansand'],
    categoryId: 'voksen',
  });
  await send(page.request, '/api/auth/logout', {});
  await page.goto('/operator/logg-inn');
  await page.getByLabel('E-post').fill(OPERATOR.email);
  await page.getByLabel('Passord').fill(OPERATOR.password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Oversikt' })).toBeVisible();
  await page.goto(`/operator/bedrifter/${company.id}`);
  const subscriptions = page.getByRole('table', { name: 'Abonnementer' });
  await expect(subscriptions.getByRole('row', { name: /Hansen, Ola/ })).toContainText('Godkjent');
  await expect(page.getByLabel('Peppol-adresse (EHF)')).toHaveValue(`0192:${company.orgNumber}`);
  await expectNoA11yViolations(page);

  await page.getByRole('button', { name: 'Deaktiver bedriften …' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ja, deaktiver bedriften' }).click();
  await expect(page.getByText('Deaktivert', { exact: true })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Aktiver bedriften' }).click();
  await expect(page.getByRole('button', { name: 'Deaktiver bedriften …' })).toBeVisible();
  await expect(page.getByText('Aktiv', { exact: true }).first()).toBeVisible();
  await expectNoA11yViolations(page);
});
