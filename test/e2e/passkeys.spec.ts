import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { randomOrgNumber } from './support/company-admin';

test.use({ serviceWorkers: 'block' });

// WebAuthn needs a domain as relying party, not an IP address: this test runs on localhost, the
// development PUBLIC_URL's host (http://localhost:PORT).
const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? '3210'}`;
const OPERATOR = { email: 'operator@example.no', password: 'operator-password-123' };
const PASSWORD = 'et langt og godt passord';

async function send(request: APIRequestContext, path: string, data: unknown) {
  const token = ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const response = await request.post(path, { data, headers: { 'X-CSRF-Token': token } });
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBeTruthy();
}

/** A company whose contact person has set a password; their email. */
async function companyAdmin(request: APIRequestContext): Promise<string> {
  await send(request, '/api/auth/login', OPERATOR);
  const email = `passkey-${Date.now()}@bedrift.example`;
  await send(request, '/api/operator/companies', {
    orgNumber: randomOrgNumber(),
    name: 'Passnøkkelen AS',
    invoiceAddress: { street: 'Gata 1', postalCode: '4630', city: 'Kristiansand' },
    contact: { name: 'Kari Kontakt', email },
  });
  let token: string | undefined;
  await expect
    .poll(async () => {
      const r = await request.get(`/api/dev/outbox?to=${encodeURIComponent(email)}`);
      const { messages } = (await r.json()) as { messages: { body: string }[] };
      token = messages.map((m) => m.body.match(/\/bedrift\/invitasjon\/([A-Za-z0-9_-]+)/)?.[1]).find(Boolean);
      return token;
    })
    .toBeTruthy();
  await send(request, `/api/auth/invitations/${token}/accept`, { password: PASSWORD });
  return email;
}

/** Chromium's virtual authenticator (DevTools protocol): a platform passkey that verifies the user. */
async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials,
  };
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page).toHaveURL(/\/bedrift\/logg-inn$/);
}

test('issue 12.6: a company admin adds a passkey, then signs in with it as the second step and as the whole login (Chromium virtual authenticator, axe)', async ({
  page,
  browser,
}) => {
  const setup = await browser.newContext();
  const email = await companyAdmin(setup.request);
  await setup.close();
  const authenticator = await virtualAuthenticator(page);

  await page.goto(`${ORIGIN}/bedrift/logg-inn`);
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Passord', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page).toHaveURL(/\/bedrift$/);
  await page.getByRole('link', { name: 'Sikkerhet' }).click();
  await expect(page.getByText('Du har ingen passnøkkel.')).toBeVisible();
  await page.getByRole('button', { name: 'Legg til passnøkkel' }).click();
  // The first second factor comes with recovery codes, shown once.
  await expect(page.getByRole('list', { name: 'Gjenopprettingskoder' }).getByRole('listitem')).toHaveCount(
    10,
  );
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Jeg har tatt vare på kodene' }).click();
  await expect(page.getByText('Du har 1 passnøkkel.')).toBeVisible();
  expect(await authenticator.credentials()).toHaveLength(1);
  await expect.poll(async () => (await authenticator.credentials())[0]?.isResidentCredential).toBe(true);

  // A password sign-in now waits for the second step; the passkey gives it.
  await logOut(page);
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Passord', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByRole('heading', { name: 'Bekreft at det er deg' })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Bruk passnøkkel' }).click();
  await expect(page).toHaveURL(/\/bedrift$/);

  // The passkey alone is the login: no email, no password.
  await logOut(page);
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Bruk passnøkkel i stedet for passord' }).click();
  await expect(page).toHaveURL(/\/bedrift$/);
  await expect(page.getByRole('link', { name: 'Sikkerhet' })).toBeVisible();
});
