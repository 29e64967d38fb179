import { expect as baseExpect, request, test } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { resetServerClock } from './support/clock';
import { companyAdminContext, OPERATOR } from './support/company-admin';

test.use({ serviceWorkers: 'block', locale: 'nb-NO' });
test.setTimeout(150_000);
const expect = baseExpect.configure({ timeout: 15_000 });

const CLOCK = '2027-01-15T10:00:00+01:00';

/** A registered company whose contact has accepted: their API context, CSRF token and order link. */
async function company(baseURL: string) {
  const { admin, csrf, email, org, operator } = await companyAdminContext(baseURL, 'Fokus AS', 'fokus');
  await admin.patch('/api/company/settings', {
    headers: { 'x-csrf-token': csrf },
    data: { selfService: 'manual' },
  });
  const link = (await (await admin.get('/api/company/order-link')).json()) as { url: string };
  await operator.dispose();
  return { admin, email, org, orderPath: `/bestill/${link.url.split('/bestill/')[1]}` };
}

test.beforeAll(async ({ baseURL }) => {
  const api = await request.newContext({ baseURL });
  await api.put('/api/dev/clock', { data: { now: CLOCK } });
  await api.dispose();
});

test.afterAll(async ({ baseURL }) => {
  await resetServerClock(baseURL);
});

test('issue 15.6: a server error about a field is shown at the field and in a focused error summary (register company, invite admin)', async ({
  page,
  baseURL,
}) => {
  const first = await company(baseURL!);

  await page.request.post('/api/auth/login', { data: OPERATOR });
  await page.goto('/operator/bedrifter/ny');
  await page.getByLabel('Organisasjonsnummer').fill(first.org);
  await page.getByLabel('Bedriftens navn').fill('Et annet navn AS');
  const contact = page.getByRole('group', { name: 'Kontaktperson' });
  await contact.getByLabel('Navn').fill('Ola');
  await contact.getByLabel('E-post').fill(`annen-${Date.now()}@bedrift.example`);
  await page.getByRole('button', { name: 'Registrer og send invitasjon' }).click();
  const summary = page.getByRole('link', { name: /organisasjonsnummer/i });
  await expect(summary).toBeVisible();
  await expect(page.locator('[data-result]')).toBeFocused();
  await expect(page.getByLabel('Organisasjonsnummer')).toHaveAttribute('aria-invalid', 'true');
  await expectNoA11yViolations(page);

  // Invite, as the admin of another company, the first company's contact: EMAIL_TAKEN at the field.
  const second = await company(baseURL!);
  const adminPage = await (
    await page.context().browser()!.newContext({ locale: 'nb-NO', serviceWorkers: 'block' })
  ).newPage();
  await adminPage.request.post('/api/auth/login', {
    data: { email: second.email, password: 'admin-password-1234' },
  });
  await adminPage.goto('/bedrift/administratorer');
  const form = adminPage.getByRole('region', { name: 'Inviter administrator' });
  await form.getByLabel('Navn').fill('Kari');
  await form.getByLabel('E-post').fill(first.email);
  await form.getByRole('button', { name: 'Send invitasjon' }).click();
  await expect(adminPage.locator('[data-result]')).toBeFocused();
  await expect(form.getByLabel('E-post')).toHaveAttribute('aria-invalid', 'true');
  await expectNoA11yViolations(adminPage);

  // A success takes the focus too.
  await form.getByLabel('E-post').fill(`ny-${Date.now()}@bedrift.example`);
  await form.getByRole('button', { name: 'Send invitasjon' }).click();
  await expect(adminPage.getByRole('status').filter({ hasText: 'Invitasjon er sendt' })).toBeFocused();
});

test('issue 15.6: after "Send kode" the focus is in the code field; a 429 says when to try again and clears when the wait is over', async ({
  page,
  baseURL,
}) => {
  const { orderPath } = await company(baseURL!);
  await page.goto(orderPath);
  const phone = `9${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`;
  await page.getByLabel('Mobilnummer').fill(phone);
  await page.getByRole('button', { name: 'Send kode' }).click();
  await expect(page.getByLabel('Kode fra SMS')).toBeFocused();

  // The same number again at once: the server asks to wait (429 with Retry-After).
  await page.getByRole('button', { name: 'Bruk et annet nummer' }).click();
  await page.getByLabel('Mobilnummer').fill(phone);
  await page.getByRole('button', { name: 'Send kode' }).click();
  const wait = page.getByRole('alert').filter({ hasText: /Prøv igjen om \d+ sekund/ });
  await expect(wait).toBeVisible();
  await expect(wait).toBeFocused();
  await expect(wait).toHaveCount(0, { timeout: 40_000 });
});
