import { type APIRequestContext, expect as baseExpect, type Page, test } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { resetServerClock } from './support/clock';
import { randomOrgNumber } from './support/company-admin';

test.use({ serviceWorkers: 'block' });

// The server hashes passwords with argon2 and shares the machine with other suites: allow it time.
const expect = baseExpect.configure({ timeout: 30_000 });

/** A valid organisation number (MOD11), different on every run so suites never collide. */
function randomMobile(): string {
  return `41${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
}

function osloToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
}

async function csrf(request: APIRequestContext): Promise<string> {
  const response = await request.get('/api/auth/csrf');
  return ((await response.json()) as { token: string }).token;
}

async function post(request: APIRequestContext, path: string, data: unknown) {
  const response = await request.post(path, { data, headers: { 'X-CSRF-Token': await csrf(request) } });
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBeTruthy();
  return response.json();
}

async function outbox(request: APIRequestContext, to: string) {
  const response = await request.get(`/api/dev/outbox?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { messages: { body: string; subject?: string }[] }).messages;
}

/** The path in the newest message to `to` that matches `pattern` (the server's public URL may differ). */
async function linkPath(request: APIRequestContext, to: string, pattern: RegExp): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(async () => {
      for (const m of await outbox(request, to)) {
        found = m.body.match(pattern)?.[0];
        if (found) return found;
      }
      return undefined;
    })
    .toBeTruthy();
  return found!;
}

/** An employee orders through the order link (self-service, manual approval): a pending order. */
async function employeeOrders(request: APIRequestContext, orderToken: string, phone: string) {
  await post(request, `/api/order/${orderToken}/otp`, { phone });
  const code = await linkPath(request, phone, /\b\d{6}\b/);
  await post(request, `/api/order/${orderToken}/otp/verify`, { phone, code });
  return post(request, '/api/me/subscriptions', {
    firstName: 'Ola',
    lastName: 'Hansen',
    zoneIds: ['arendal'],
    categoryId: 'voksen',
    fields: { ansattnummer: '4711' },
    consent: true,
  });
}

async function openNav(page: Page, name: string) {
  await page
    .getByRole('navigation', { name: 'Bedriftsportalen' })
    .getByRole('link', { name, exact: true })
    .click();
}

test.beforeAll(async ({ baseURL }) => {
  await resetServerClock(baseURL);
});

test('company admin: onboarding → settings → manual subscription → approve → change zone → change category → end', async ({
  page,
  request,
}) => {
  test.setTimeout(480_000);
  const adminEmail = `kontakt-${Date.now()}@example.no`;
  const karisPhone = randomMobile();
  const olasPhone = randomMobile();

  // The operator registers the company; the contact person gets the invitation email.
  await post(page.request, '/api/auth/login', {
    email: 'operator@example.no',
    password: 'operator-password-123',
  });
  await post(page.request, '/api/operator/companies', {
    orgNumber: randomOrgNumber(),
    name: 'Sørlandet Verksted AS',
    contact: { name: 'Kari Kontakt', email: adminEmail },
  });
  const invitation = await linkPath(page.request, adminEmail, /\/bedrift\/invitasjon\/[A-Za-z0-9_-]+/);

  // Onboarding: the link sets a password (at least 12 characters) and logs in.
  await page.goto(invitation);
  await expect(page.getByRole('heading', { level: 1, name: 'Velkommen til Bedriftsportalen' })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByLabel('Nytt passord').fill('for-kort');
  await page.getByLabel('Gjenta passordet').fill('for-kort');
  await page.getByRole('button', { name: 'Lag passord og logg inn' }).click();
  await expect(page.getByText('Passordet må ha minst 12 tegn.')).toBeVisible();
  await page.getByLabel('Nytt passord').fill('et langt og godt passord');
  await page.getByLabel('Gjenta passordet').fill('et langt og godt passord');
  await page.getByRole('button', { name: 'Lag passord og logg inn' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sørlandet Verksted AS' })).toBeVisible();
  await expect(page.getByText('Ingen bestillinger venter på godkjenning.')).toBeVisible();
  await expectNoA11yViolations(page);

  // Settings: manual approval, 50 % subsidy, an extra field; the preview follows the draft.
  await openNav(page, 'Innstillinger');
  await expect(page.getByRole('heading', { level: 1, name: 'Innstillinger' })).toBeVisible();
  await page.getByRole('radio', { name: 'Tillatt, behandles av administrator' }).check();
  await page.getByRole('radio', { name: 'Prosent av prisen' }).check();
  await page.getByLabel('Prosent', { exact: true }).fill('50');
  await page.getByRole('radio', { name: 'Egendefinert skjema' }).check();
  await page.getByRole('button', { name: 'Legg til felt' }).click();
  await page.getByLabel('Ledetekst').fill('Ansattnummer');
  const preview = page.getByRole('region', { name: 'Forhåndsvisning' });
  await expect(preview.getByLabel(/Ansattnummer/)).toBeVisible();
  // Issue 15.3: English texts are optional; the English preview shows them, bokmål where missing.
  const english = page.getByRole('region', { name: 'Engelsk versjon av skjemaet' });
  await expect(english.getByLabel(/Ansattnummer/)).toBeVisible();
  await page.getByLabel('Feltnavn på engelsk (valgfritt)').fill('Employee number');
  await page.getByLabel('Introtekst på engelsk (valgfritt)').fill('Welcome to our company ticket!');
  await expect(english.getByLabel(/Employee number/)).toBeVisible();
  await expect(english.getByText('Welcome to our company ticket!')).toBeVisible();
  await expect(preview.getByText('Welcome to our company ticket!')).toHaveCount(0);
  await expectNoA11yViolations(page);
  const saved = page.waitForResponse(
    (r) => r.url().endsWith('/api/company/settings') && r.request().method() === 'PATCH',
  );
  await page.getByRole('button', { name: 'Lagre innstillingene' }).click();
  expect((await saved).status()).toBe(200);
  await expect(page.getByText('Innstillingene er lagret.')).toBeVisible();

  // A subscription by hand, starting today: approved at once, the ticket link goes by SMS.
  await openNav(page, 'Nytt abonnement');
  await expect(page.getByRole('heading', { level: 1, name: 'Nytt abonnement' })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Opprett abonnement' }).click();
  await expect(page.getByText('Skriv mobilnummeret til den ansatte.')).toBeVisible();
  await page.getByLabel('Fornavn').fill('Kari');
  await page.getByLabel('Etternavn').fill('Nordmann');
  await page.getByLabel('Mobilnummer').fill(karisPhone);
  await page.getByLabel('Søk etter kommune').fill('kristian');
  await page.getByRole('checkbox', { name: 'Kristiansand' }).check();
  await page.getByLabel('Reisendekategori').selectOption({ label: 'Voksen' });
  await page.getByLabel('Startdato').fill(osloToday());
  await expect(page.getByText(/Månedspris/)).toBeVisible();
  await page.getByRole('button', { name: 'Opprett abonnement' }).click();
  await expect(page.getByText(/Abonnementet er opprettet/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /Kari Nordmann/ })).toBeVisible();
  const karisPage = page.url();
  await expectNoA11yViolations(page);
  await linkPath(request, karisPhone, /\/billett\/[A-Za-z0-9_-]+/);

  // An employee orders through the order link: the order waits for approval on the dashboard.
  const link = (await (await page.request.get('/api/company/order-link')).json()) as { url: string };
  const orderToken = link.url.split('/bestill/')[1]!;
  await employeeOrders(request, orderToken, olasPhone);
  await openNav(page, 'Oversikt');
  await expect(page.getByRole('heading', { name: 'Venter på godkjenning (1)' })).toBeVisible();
  await page.getByRole('button', { name: 'Godkjenn bestillingen til Ola Hansen' }).click();
  const approveDialog = page.getByRole('dialog', { name: 'Godkjenn bestillingen til Ola Hansen' });
  await expect(approveDialog).toBeVisible();
  await expectNoA11yViolations(page);
  await approveDialog.getByRole('button', { name: 'Godkjenn', exact: true }).click();
  await expect(page.getByText('Ingen bestillinger venter på godkjenning.')).toBeVisible();
  await linkPath(request, olasPhone, /\/billett\/[A-Za-z0-9_-]+/);

  // The list: search and status filter.
  await openNav(page, 'Abonnementer');
  await page.getByLabel('Søk', { exact: true }).fill('Kari');
  await expect(page.getByText('1 abonnement', { exact: true })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('link', { name: 'Kari Nordmann' }).click();
  await expect(page).toHaveURL(karisPage);

  // Change zone, now.
  await page.getByRole('button', { name: 'Endre soner' }).click();
  const zonesDialog = page.getByRole('dialog', { name: 'Endre soner for Kari Nordmann' });
  await zonesDialog.getByRole('checkbox', { name: 'Vennesla' }).check();
  await zonesDialog.getByRole('radio', { name: 'Nå' }).check();
  await expectNoA11yViolations(page);
  await zonesDialog.getByRole('button', { name: 'Lagre nye soner' }).click();
  await expect(page.getByText('Sonene er endret.')).toBeVisible();
  await expect(page.getByText('Kristiansand, Vennesla').first()).toBeVisible();

  // Change category, now: the cost effect (both billed this month) is shown before confirming.
  await page.getByRole('button', { name: 'Endre reisendekategori' }).click();
  const categoryDialog = page.getByRole('dialog', { name: 'Endre reisendekategori for Kari Nordmann' });
  const confirmCategory = categoryDialog.getByRole('button', { name: 'Bekreft endringen' });
  await expect(confirmCategory).toBeDisabled();
  await categoryDialog.getByLabel('Ny reisendekategori').selectOption({ label: 'Honnør' });
  await categoryDialog.getByRole('radio', { name: 'Nå' }).check();
  await expect(categoryDialog.getByRole('heading', { name: 'Hva endringen koster' })).toBeVisible();
  await expect(categoryDialog.getByText('Begge abonnementene faktureres for:')).toBeVisible();
  await expectNoA11yViolations(page);
  await confirmCategory.click();
  await expect(page.getByText('Reisendekategorien er endret. Dette er det nye abonnementet.')).toBeVisible();
  await expect(page).not.toHaveURL(karisPage);
  await expect(page.getByText('Honnør', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Forrige abonnement' })).toBeVisible();

  // End, now: the ticket is invalid at once.
  await page.getByRole('button', { name: 'Avslutt abonnement' }).click();
  const endDialog = page.getByRole('dialog', { name: 'Avslutt abonnementet til Kari Nordmann' });
  await endDialog.getByRole('radio', { name: 'Nå' }).check();
  await endDialog.getByRole('button', { name: 'Avslutt abonnementet' }).click();
  await expect(page.getByText('Abonnementet er avsluttet.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /Kari Nordmann/ })).toContainText('Avsluttet');
  await expectNoA11yViolations(page);

  // The log shows the changes.
  await openNav(page, 'Logg');
  await expect(
    page.getByText(/^Kari Kontakt endret reisendekategori for Kari Nordmann: Voksen → Honnør, fra /).first(),
  ).toBeVisible();
  await expectNoA11yViolations(page);
});

test('login page: wrong password gives a translated error; forgot password sends a link', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/bedrift');
  await expect(page).toHaveURL(/\/bedrift\/logg-inn/);
  await expect(page.getByRole('heading', { level: 1, name: 'Logg inn i Bedriftsportalen' })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByLabel('E-post').fill('ingen@example.no');
  await page.getByLabel('Passord').fill('feil-passord-123');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByRole('alert')).toContainText('Feil e-post eller passord.');
  await page.getByRole('link', { name: 'Glemt passord?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Glemt passord' })).toBeVisible();
  await page.getByLabel('E-post').fill('ingen@example.no');
  await page.getByRole('button', { name: 'Send lenke' }).click();
  await expect(page.getByText(/Hvis ingen@example.no er registrert/)).toBeVisible();
  await expectNoA11yViolations(page);
});
