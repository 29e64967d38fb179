import { type APIRequestContext, expect, test } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { randomOrgNumber } from './support/company-admin';

test.use({ serviceWorkers: 'block' });

const OPERATOR = { email: 'operator@example.no', password: 'operator-password-123' };

async function send(request: APIRequestContext, path: string, data: unknown) {
  const token = ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const response = await request.post(path, { data, headers: { 'X-CSRF-Token': token } });
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBeTruthy();
  return response.json();
}

/** The operator registers a company; returns the contact person's invitation path. */
async function invitationPath(request: APIRequestContext): Promise<string> {
  await send(request, '/api/auth/login', OPERATOR);
  const email = `styrke-${Date.now()}@bedrift.example`;
  await send(request, '/api/operator/companies', {
    orgNumber: randomOrgNumber(),
    name: 'Styrkeprøven AS',
    invoiceAddress: { street: 'Gata 1', postalCode: '4630', city: 'Kristiansand' },
    contact: { name: 'Kari Kontakt', email },
  });
  let path: string | undefined;
  await expect
    .poll(async () => {
      const r = await request.get(`/api/dev/outbox?to=${encodeURIComponent(email)}`);
      const { messages } = (await r.json()) as { messages: { body: string }[] };
      path = messages.map((m) => m.body.match(/\/bedrift\/invitasjon\/[A-Za-z0-9_-]+/)?.[0]).find(Boolean);
      return path;
    })
    .toBeTruthy();
  return path!;
}

test('issue 12.6: the new-password form says, politely and accessibly, how strong the password is; aaaaaaaaaaaa is refused', async ({
  page,
  browser,
}) => {
  const setup = await browser.newContext();
  const path = await invitationPath(setup.request);
  await setup.close();

  await page.goto(path);
  const password = page.getByLabel('Nytt passord');
  const hint = page.getByRole('status').filter({ hasText: /passord|tegn/ });
  await password.fill('aaaaaaaaaaaa');
  await expect(hint).toContainText('Svakt passord. Gjentatte tegn som «aaa» er lette å gjette.');
  await page.getByLabel('Gjenta passordet').fill('aaaaaaaaaaaa');
  await page.getByRole('button', { name: 'Lag passord og logg inn' }).click();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Passordet er for lett å gjette.').first()).toBeVisible();
  await expectNoA11yViolations(page);

  await password.fill('Blå trikk til Frogner om morgenen');
  await expect(hint).toHaveText('Sterkt nok passord.');
  await page.getByLabel('Gjenta passordet').fill('Blå trikk til Frogner om morgenen');
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Lag passord og logg inn' }).click();
  await expect(page).toHaveURL(/\/bedrift$/);
});
