import { expect as baseExpect, request, test } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { resetServerClock } from './support/clock';
import { companyAdminContext, OPERATOR, outbox } from './support/company-admin';

test.use({ serviceWorkers: 'block', viewport: { width: 320, height: 720 }, locale: 'nb-NO' });
test.setTimeout(150_000);
const expect = baseExpect.configure({ timeout: 15_000 });

const CLOCK = '2027-01-15T10:00:00+01:00';

async function companyAdmin(baseURL: string) {
  const clock = await request.newContext({ baseURL });
  await clock.put('/api/dev/clock', { data: { now: CLOCK } });
  await clock.dispose();
  const { admin, csrf, operator } = await companyAdminContext(baseURL, 'Agderverkstedet AS', 'samtykke');
  const settings = await admin.patch('/api/company/settings', {
    headers: { 'x-csrf-token': csrf },
    data: { selfService: 'manual', subsidy: { type: 'percent', value: 50 } },
  });
  expect(settings.status()).toBe(200);
  return { admin, csrf, operator };
}

test.afterAll(async ({ baseURL }) => {
  await resetServerClock(baseURL);
});

test('issue 15: admin raises zones → the employee gets an SMS with the new deduction, confirms by the link → the payroll row is no longer marked', async ({
  page,
  baseURL,
}) => {
  const { admin, csrf, operator } = await companyAdmin(baseURL!);
  const phone = `9${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`;
  const added = await admin.post('/api/company/subscriptions', {
    headers: { 'x-csrf-token': csrf },
    data: {
      firstName: 'Ola',
      lastName: 'Nordmann',
      phone,
      zoneIds: ['kristiansand'],
      categoryId: 'voksen',
      startDate: '2027-01-15',
    },
  });
  expect(added.status()).toBe(201);
  const sub = await added.json();
  const raised = await admin.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
    headers: { 'x-csrf-token': csrf },
    data: { zoneIds: ['kristiansand', 'vennesla', 'lillesand'], effective: 'now' },
  });
  expect(raised.status()).toBe(200);
  const sms = (await outbox(operator, sub.phone)).find((m) => m.kind === 'zones_changed')!.body;
  expect(sms).toContain('695 kr');
  const link = /https?:\/\/\S+\/samtykke\/[\w-]+/.exec(sms)![0];
  const payroll = async () =>
    (await (await admin.get('/api/company/payroll?month=2027-01')).json()).rows.find(
      (r: { subscriptionId: string }) => r.subscriptionId === sub.id,
    );
  // Added by the admin, the ticket was never agreed to (issue 15 (a)): 0 kr is agreed so far.
  expect(await payroll()).toMatchObject({ consentMissing: true, consentedDeductionOre: 0 });

  await page.goto(new URL(link).pathname);
  await page.getByLabel('Mobilnummer').fill(phone);
  await page.getByRole('button', { name: 'Send kode' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Skriv inn koden' })).toBeVisible();
  const code = /\b(\d{6})\b/.exec((await outbox(operator, sub.phone))[0]!.body)![1]!;
  await page.getByLabel('Kode fra SMS').fill(code);
  await page.getByRole('button', { name: 'Logg inn' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Godkjenn nytt lønnstrekk' })).toBeVisible();
  await expect(page.getByText(/695,00\s*kr/)).toBeVisible();
  await expect(page.getByText(/Trekket følger operatørens prisliste/)).toBeVisible();
  await expectNoA11yViolations(page);
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(fits).toBe(true);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Confirm the new salary deduction' }),
  ).toBeVisible();
  await expect(page.getByText(/follows the operator's price list/)).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Confirm new deduction' }).click();
  await expect(page.getByText('Tick the box to agree to the new deduction.')).toBeVisible();
  await page.getByRole('checkbox', { name: /I agree to the new salary deduction/ }).check();
  await page.getByRole('button', { name: 'Confirm new deduction' }).dblclick();
  const done = page.getByText('Thank you! The new salary deduction is confirmed.');
  await expect(done).toBeVisible();
  await expectNoA11yViolations(page);

  expect(await payroll()).toMatchObject({ consentMissing: false });
  // The language switch is remembered: the next message is in English.
  await admin.post(`/api/company/subscriptions/${sub.id}/end`, {
    headers: { 'x-csrf-token': csrf },
    data: { effective: 'now' },
  });
  expect((await outbox(operator, sub.phone))[0]!.body).toContain('from now');
});

test('issue 15 and 12.4: the back office lists every message kind, names the kind of each message and shows the SMS of the last hour against the budget, axe clean in nb and en', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/operator/meldinger');
  await page.getByLabel('E-post').fill(OPERATOR.email);
  await page.getByLabel('Passord').fill(OPERATOR.password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByRole('link', { name: 'Meldinger' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meldinger' })).toBeVisible();
  await page.getByText('Meldingstyper').click();
  await expect(page.getByText('Avsluttet av bedriften', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Billetten flyttet til en annen enhet', { exact: true }).first()).toBeVisible();
  // Issue 12.4: the SMS of the last hour against the budget, and the allowed countries.
  await expect(page.getByRole('heading', { level: 2, name: 'SMS siste time' })).toBeVisible();
  await expect(page.getByText(/SMS sendt eller i kø \(budsjett 2000\)/)).toBeVisible();
  await expect(page.getByText('Tillatte land: NO.', { exact: false })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('Ended by the company', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'SMS in the last hour' })).toBeVisible();
  await expectNoA11yViolations(page);
});
