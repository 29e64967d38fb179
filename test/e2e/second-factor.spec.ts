import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { generate } from 'otplib';
import { expectNoA11yViolations } from './support/a11y';
import { randomOrgNumber } from './support/company-admin';

test.use({ serviceWorkers: 'block' });

const OPERATOR = { email: 'operator@example.no', password: 'operator-password-123' };
const PASSWORD = 'et langt og godt passord';

async function send(request: APIRequestContext, method: 'post' | 'patch', path: string, data: unknown) {
  const token = ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const response = await request[method](path, { data, headers: { 'X-CSRF-Token': token } });
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBeTruthy();
  return response.status() === 204 ? null : response.json();
}

/** The operator registers a company and its contact person sets a password; returns their email. */
async function companyAdmin(request: APIRequestContext): Promise<string> {
  await send(request, 'post', '/api/auth/login', OPERATOR);
  const email = `totp-${Date.now()}-${Math.floor(Math.random() * 1000)}@bedrift.example`;
  await send(request, 'post', '/api/operator/companies', {
    orgNumber: randomOrgNumber(),
    name: 'Kodeappen AS',
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
  const person = await request.post(`/api/auth/invitations/${token}/accept`, {
    data: { password: PASSWORD },
    headers: {
      'X-CSRF-Token': ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token,
    },
  });
  expect(person.ok()).toBeTruthy();
  return email;
}

/** The code the authenticator shows at the server's time (its clock may be moved by other tests). */
async function codeNow(page: Page, secret: string): Promise<string> {
  const { now } = (await (await page.request.get('/api/dev/clock')).json()) as { now: string };
  return generate({ secret, epoch: Math.floor(Date.parse(now) / 1000) });
}

async function logIn(page: Page, email: string) {
  await page.goto('/bedrift/logg-inn');
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Passord', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).click();
}

async function enrolInPage(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'Start oppsettet' }).click();
  await expect(page.getByRole('img', { name: /QR-kode for kodeappen/ })).toBeVisible();
  const secret = (await page.locator('.totp-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectNoA11yViolations(page);
  await page.getByLabel('Kode fra appen').fill('000000');
  await page.getByRole('button', { name: 'Bekreft og slå på' }).click();
  await expect(page.getByRole('alert')).toContainText('feil eller allerede brukt');
  await page.getByLabel('Kode fra appen').fill(await codeNow(page, secret));
  await page.getByRole('button', { name: 'Bekreft og slå på' }).click();
  const codes = page.getByRole('list', { name: 'Gjenopprettingskoder' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  await expectNoA11yViolations(page);
  return [secret, ...(await codes.allTextContents())];
}

test('issue 12.6: a company admin adds an authenticator app; sign-in then asks for its code or a recovery code (axe clean)', async ({
  page,
  browser,
}) => {
  const setup = await browser.newContext();
  const email = await companyAdmin(setup.request);
  await setup.close();

  await logIn(page, email);
  await expect(page).toHaveURL(/\/bedrift$/);
  await page.getByRole('link', { name: 'Sikkerhet' }).click();
  await expect(page.getByRole('heading', { name: 'Andre steg ved innlogging' })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Legg til kodeapp' }).click();
  const [secret, firstRecovery] = await enrolInPage(page);
  await page.getByRole('button', { name: 'Jeg har tatt vare på kodene' }).click();
  await expect(
    page.getByText('Kodeappen er slått på. Du har 10 ubrukte gjenopprettingskoder.'),
  ).toBeVisible();

  // Signing in now stops at the second step; a recovery code works.
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page).toHaveURL(/\/bedrift\/logg-inn$/);
  await logIn(page, email);
  await expect(page.getByRole('heading', { name: 'Bekreft at det er deg' })).toBeFocused();
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: /bruk en gjenopprettingskode/ }).click();
  await page.getByLabel('Gjenopprettingskode').fill(firstRecovery!);
  await page.getByRole('button', { name: 'Bekreft' }).click();
  await expect(page).toHaveURL(/\/bedrift$/);

  // And the app's code works, once per step: move the server clock past the enrolment's step first.
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page).toHaveURL(/\/bedrift\/logg-inn$/);
  const before = (await (await page.request.get('/api/dev/clock')).json()) as {
    now: string;
    adjusted: boolean;
  };
  const moved = await page.request.put('/api/dev/clock', {
    data: { now: new Date(Date.parse(before.now) + 60_000).toISOString() },
  });
  expect(moved.ok(), await moved.text()).toBeTruthy();
  try {
    await logIn(page, email);
    await page.getByLabel('Kode fra appen').fill(await codeNow(page, secret!));
    await page.getByRole('button', { name: 'Bekreft' }).click();
    await expect(page).toHaveURL(/\/bedrift$/);
  } finally {
    if (before.adjusted) {
      const { now } = (await (await page.request.get('/api/dev/clock')).json()) as { now: string };
      await page.request.put('/api/dev/clock', {
        data: { now: new Date(Date.parse(now) - 60_000).toISOString() },
      });
    } else {
      await page.request.delete('/api/dev/clock');
    }
  }
});

test('issue 12.6: the operator requires a second factor for company admins; an admin without one must enrol at sign-in', async ({
  page,
  browser,
}) => {
  const setup = await browser.newContext();
  const email = await companyAdmin(setup.request);
  try {
    await page.goto('/operator/logg-inn');
    await page.getByLabel('E-post').fill(OPERATOR.email);
    await page.getByLabel('Passord', { exact: true }).fill(OPERATOR.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('link', { name: 'Sikkerhet' }).click();
    await page.getByRole('checkbox', { name: 'alle bedriftsadministratorer' }).check();
    await page.getByRole('button', { name: 'Lagre' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Lagret.' })).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByRole('button', { name: 'Logg ut' }).click();

    await logIn(page, email);
    await expect(page.getByText('Operatøren krever et andre steg ved innlogging.')).toBeVisible();
    await expectNoA11yViolations(page);
    await enrolInPage(page);
    await page.getByRole('button', { name: 'Jeg har tatt vare på kodene' }).click();
    await expect(page).toHaveURL(/\/bedrift$/);
    await expect(page.getByRole('link', { name: 'Sikkerhet' })).toBeVisible();
  } finally {
    await send(setup.request, 'post', '/api/auth/login', OPERATOR);
    await send(setup.request, 'patch', '/api/operator/security-settings', {
      requireSecondFactorStaff: false,
      requireSecondFactorAdmins: false,
    });
    await setup.close();
  }
});
