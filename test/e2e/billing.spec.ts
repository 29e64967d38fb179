import { type APIRequestContext, expect as baseExpect, test } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { resetServerClock } from './support/clock';
import { randomOrgNumber } from './support/company-admin';

test.use({ serviceWorkers: 'block' });
const expect = baseExpect.configure({ timeout: 30_000 });

const OPERATOR = { email: 'operator@example.no', password: 'operator-password-123' };
const PASSWORD = 'et langt og godt passord';

async function send(request: APIRequestContext, method: 'post' | 'put', path: string, data: unknown) {
  const token = ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const response = await request[method](path, { data, headers: { 'X-CSRF-Token': token } });
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBeTruthy();
  return response.json();
}

async function invitationToken(request: APIRequestContext, email: string): Promise<string> {
  let token: string | undefined;
  await expect
    .poll(async () => {
      const r = await request.get(`/api/dev/outbox?to=${encodeURIComponent(email)}`);
      const { messages } = (await r.json()) as { messages: { body: string }[] };
      token = messages.map((m) => m.body.match(/\/bedrift\/invitasjon\/([A-Za-z0-9_-]+)/)?.[1]).find(Boolean);
      return token;
    })
    .toBeTruthy();
  return token!;
}

test.afterAll(async ({ baseURL }) => {
  await resetServerClock(baseURL);
});

test('billing: payroll basis provisional, the operator bills the month, the company downloads its invoice', async ({
  page,
}) => {
  const request = page.request;
  await send(request, 'put', '/api/dev/clock', { now: '2027-01-10T10:00:00+01:00' });
  await send(request, 'post', '/api/auth/login', OPERATOR);
  const email = `faktura-${Date.now()}@bedrift.example`;
  await send(request, 'post', '/api/operator/companies', {
    orgNumber: randomOrgNumber(),
    name: 'Fakturatest AS',
    invoiceAddress: { street: 'Gata 1', postalCode: '4630', city: 'Kristiansand' },
    contact: { name: 'Kari Kontakt', email },
  });
  await send(request, 'post', `/api/auth/invitations/${await invitationToken(request, email)}/accept`, {
    password: PASSWORD,
  });
  await send(request, 'post', '/api/company/subscriptions', {
    firstName: 'Åse',
    lastName: 'Ødegård',
    phone: '41234567',
    zoneIds: ['kristiansand'],
    categoryId: 'voksen',
    startDate: '2027-01-10',
  });

  // Lønnstrekkgrunnlag: provisional during the month, with totals and exports.
  await page.goto('/bedrift/lonnstrekk');
  await page.getByLabel('Måned').fill('2027-01');
  await expect(page.getByRole('cell', { name: /Åse Ødegård/ })).toBeVisible();
  await expect(page.getByText('Foreløpig', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Endringer siden forrige eksport' })).toBeVisible();
  await expectNoA11yViolations(page);
  // Issue 12.8: the export button records the export with a POST and saves the file.
  const changesSince = async () =>
    ((await (await request.get('/api/company/payroll/changes?month=2027-01')).json()) as { since: unknown })
      .since;
  expect(await changesSince()).toBeNull();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Last ned CSV' }).click();
  expect((await download).suggestedFilename()).toBe('lonnstrekk-2027-01-forelopig.csv');
  await expect.poll(changesSince).toMatchObject({ month: '2027-01', format: 'csv' });

  // The month is over: the operator bills it and sees the invoice with totals.
  await send(request, 'put', '/api/dev/clock', { now: '2027-02-01T08:00:00+01:00' });
  await send(request, 'post', '/api/auth/login', OPERATOR);
  await page.goto('/operator/fakturering');
  await page.getByLabel('Måned').fill('2027-01');
  await page.getByRole('button', { name: 'Fakturer måneden' }).click();
  await expect(page.getByText(/Ferdig: \d+ fakturaer for 2027-01/)).toBeVisible();
  await expect(page.getByRole('cell', { name: /Fakturatest AS/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Fakturatest AS/ })).toContainText('790,00');
  await expectNoA11yViolations(page);

  // Credit + reissue from the operator's list.
  await page
    .getByRole('row', { name: /Fakturatest AS/ })
    .getByRole('button', { name: /Krediter/ })
    .click();
  await page.getByRole('textbox', { name: 'Årsak' }).fill('Feil adresse');
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Krediter og lag ny faktura' }).click();
  await expect(page.getByText(/Kreditnota \d+ er laget\. Ny faktura: \d+\./)).toBeVisible();

  // The company sees its invoices and downloads them.
  await send(request, 'post', '/api/auth/login', { email, password: PASSWORD });
  await page.goto('/bedrift/fakturaer');
  await expect(page.getByRole('cell', { name: 'Kreditnota', exact: true })).toBeVisible();
  const pdf = page.getByRole('link', { name: /^PDF for faktura/ }).first();
  await expect(pdf).toBeVisible();
  const response = await request.get((await pdf.getAttribute('href'))!);
  expect(response.headers()['content-type']).toBe('application/pdf');
  await expectNoA11yViolations(page);

  await page.goto('/bedrift/lonnstrekk');
  await page.getByLabel('Måned').fill('2027-01');
  await expect(page.getByText('Endelig', { exact: true })).toBeVisible();
});
