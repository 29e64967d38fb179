import {
  type APIRequestContext,
  expect as baseExpect,
  request as playwrightRequest,
  test,
} from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';

// The server hashes passwords with argon2 and shares the machine with other suites: allow it time.
const expect = baseExpect.configure({ timeout: 30_000 });

// Service workers stay out of the way of the moved clock; offline is tested with the page loaded.
test.use({ serviceWorkers: 'block' });

const OPERATOR = { email: 'operator@example.no', password: 'operator-password-123' };

function randomOrgNumber(): string {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  for (;;) {
    const digits = Array.from({ length: 8 }, (_, i) => (i === 0 ? 9 : Math.floor(Math.random() * 10)));
    const r = digits.reduce((sum, d, i) => sum + d * (weights[i] ?? 0), 0) % 11;
    if (r === 1) continue;
    return `${digits.join('')}${r === 0 ? 0 : 11 - r}`;
  }
}

const randomMobile = () => `9${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

async function post(request: APIRequestContext, path: string, data: unknown, csrf?: string) {
  const response = await request.post(path, { data, headers: csrf ? { 'X-CSRF-Token': csrf } : {} });
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBeTruthy();
  return response.json();
}

async function setClock(baseURL: string, now: string) {
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const response = await anonymous.put('/api/dev/clock', { data: { now } });
  expect(response.ok()).toBeTruthy();
  await anonymous.dispose();
}

/** The path in the newest message to `to` matching `pattern`. */
async function pathInOutbox(request: APIRequestContext, to: string, pattern: RegExp): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(async () => {
      const response = await request.get(`/api/dev/outbox?to=${encodeURIComponent(to)}`);
      const { messages } = (await response.json()) as { messages: { body: string }[] };
      found = messages.map((m) => m.body.match(pattern)?.[0]).find(Boolean);
      return found;
    })
    .toBeTruthy();
  return found as string;
}

/** Operator registers a company, the contact accepts the invitation and adds a ticket by hand. */
async function approvedTicketPath(baseURL: string, phone: string): Promise<string> {
  const operator = await playwrightRequest.newContext({ baseURL });
  const login = await post(operator, '/api/auth/login', OPERATOR);
  const email = `kontakt-${Date.now()}@bedrift.example`;
  await post(
    operator,
    '/api/operator/companies',
    { orgNumber: randomOrgNumber(), name: 'Lommebok AS', contact: { name: 'Kari Kontakt', email } },
    login.csrfToken,
  );
  const invitation = await pathInOutbox(operator, email, /\/bedrift\/invitasjon\/[A-Za-z0-9_-]+/);
  const token = invitation.split('/').pop();
  const admin = await playwrightRequest.newContext({ baseURL });
  const accepted = await post(admin, `/api/auth/invitations/${token}/accept`, {
    password: 'et-langt-passord-123',
  });
  await post(
    admin,
    '/api/company/subscriptions',
    {
      firstName: 'Nora',
      lastName: 'Reisende',
      phone,
      zoneIds: ['kristiansand', 'vennesla'],
      categoryId: 'voksen',
      startDate: '2027-03-01',
    },
    accepted.csrfToken,
  );
  const ticketPath = await pathInOutbox(operator, phone, /\/billett\/[A-Za-z0-9_-]+/);
  await Promise.all([operator.dispose(), admin.dispose()]);
  return ticketPath;
}

test.describe('ticket wallet and inspection (issue 5)', () => {
  test.afterAll(async ({ baseURL }) => {
    const anonymous = await playwrightRequest.newContext({ baseURL });
    await anonymous.delete('/api/dev/clock');
    await anonymous.dispose();
  });

  test('SMS link → "starts 1 March" → clock past the start → valid ticket with QR → inspector verifies it', async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    await setClock(baseURL as string, '2027-01-15T10:00:00+01:00');
    const ticketPath = await approvedTicketPath(baseURL as string, randomMobile());

    await page.goto(ticketPath);
    await expect(page.getByRole('heading', { level: 1, name: 'Starter 1. mars 2027' })).toBeVisible();
    await expect(page.getByText('Nora Reisende')).toBeVisible();
    await expect(page.getByText('Kristiansand, Vennesla')).toBeVisible();
    await expect(page.getByRole('img', { name: /QR-kode/ })).toHaveCount(0);
    await expectNoA11yViolations(page);

    await setClock(baseURL as string, '2027-03-01T00:00:05+01:00');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Gyldig billett' })).toBeVisible();
    const qr = page.getByRole('img', { name: 'QR-kode for billettkontroll, billett for Nora Reisende' });
    await expect(qr).toBeVisible();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    // The live check: the clock ticks (Oslo time, a few seconds after midnight on 1 March).
    const clock = page.getByRole('timer', { name: 'Klokken nå' });
    await expect(clock).toHaveText(/^00:0\d:\d\d$/);
    const first = await clock.textContent();
    await expect(clock).not.toHaveText(first as string, { timeout: 3_000 });
    await expectNoA11yViolations(page);

    await page.getByText('Vis billettkoden som tekst').click();
    const credential = (await page.getByTestId('credential').textContent())?.trim() ?? '';
    expect(credential.split('.')).toHaveLength(3);

    // The ticket is saved on the device: the list shows it, and offline it opens from the saved copy.
    await page.getByRole('link', { name: 'Alle billetter på denne enheten' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mine billetter' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Nora Reisende – Lommebok AS' })).toBeVisible();
    await expectNoA11yViolations(page);
    await context.setOffline(true);
    await page.getByRole('link', { name: 'Nora Reisende – Lommebok AS' }).click();
    await expect(page.getByText(/Du er uten nett/)).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Gyldig billett' })).toBeVisible();
    await context.setOffline(false);

    // Inspection: online (signature, window and revocation).
    await page.goto('/kontroll');
    await expect(page.getByRole('heading', { level: 1, name: 'Billettkontroll' })).toBeVisible();
    await expect(page.getByText(/Nøkler for kontroll hentet/)).toBeVisible();
    await page.getByLabel('Billettkode').fill(credential);
    await page.getByRole('button', { name: 'Kontroller billett' }).click();
    const result = page.getByRole('region', { name: 'Resultat av kontrollen' });
    await expect(result.getByRole('heading', { name: 'Gyldig billett' })).toBeVisible();
    await expect(result.getByText('Nora Reisende')).toBeVisible();
    await expect(result.getByText('Kristiansand, Vennesla')).toBeVisible();
    await expect(result.getByText(/ikke trukket tilbake/)).toBeVisible();
    await expectNoA11yViolations(page);

    // A tampered code is rejected in the browser.
    const [header, payload, signature] = credential.split('.');
    const forged = Buffer.from(payload as string, 'base64url')
      .toString()
      .replace('"vennesla"', '"arendal"');
    await page
      .getByLabel('Billettkode')
      .fill(`${header}.${Buffer.from(forged).toString('base64url')}.${signature}`);
    await page.getByRole('button', { name: 'Kontroller billett' }).click();
    await expect(result.getByRole('heading', { name: 'Ugyldig billett' })).toBeVisible();
    await expect(result.getByText(/Signaturen stemmer ikke/)).toBeVisible();

    // Offline: verified against the cached keys, and it says revocation was not checked.
    await context.setOffline(true);
    await page.getByLabel('Billettkode').fill(credential);
    await page.getByRole('button', { name: 'Kontroller billett' }).click();
    await expect(result.getByRole('heading', { name: 'Gyldig billett' })).toBeVisible();
    await expect(result.getByText(/Kontrollert uten nett/)).toBeVisible();
    await context.setOffline(false);

    // After the month the credential has expired.
    await setClock(baseURL as string, '2027-04-01T00:00:05+02:00');
    await page.reload();
    await page.getByLabel('Billettkode').fill(credential);
    await page.getByRole('button', { name: 'Kontroller billett' }).click();
    await expect(result.getByRole('heading', { name: 'Ugyldig billett' })).toBeVisible();
    await expect(result.getByText('Billetten er utløpt.')).toBeVisible();
  });

  test('the wallet list and inspection page are accessible when empty, in English too', async ({ page }) => {
    await page.goto('/billett');
    await expect(page.getByRole('heading', { level: 1, name: 'Mine billetter' })).toBeVisible();
    await expect(page.getByText(/Ingen billetter er lagret/)).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My tickets' })).toBeVisible();
    await page.goto('/kontroll');
    await expect(page.getByRole('heading', { level: 1, name: 'Ticket inspection' })).toBeVisible();
    await expectNoA11yViolations(page);
  });
});
