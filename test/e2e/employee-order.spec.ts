import { expect as baseExpect, request, test } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { resetServerClock } from './support/clock';
import { companyAdminContext, outbox } from './support/company-admin';

test.use({ serviceWorkers: 'block', viewport: { width: 390, height: 844 }, locale: 'nb-NO' });
// The server hashes passwords with argon2 and shares the machine with other suites: allow it time.
test.setTimeout(120_000);
const expect = baseExpect.configure({ timeout: 15_000 });

const CLOCK = '2027-01-15T10:00:00+01:00';

/** Operator registers a company, its admin accepts the invitation and opens self-service (manual). */
async function companyWithOrderLink(baseURL: string) {
  const clock = await request.newContext({ baseURL });
  await clock.put('/api/dev/clock', { data: { now: CLOCK } });
  await clock.dispose();
  const { admin, csrf, operator } = await companyAdminContext(baseURL, 'Sørlandsbakeriet AS');
  const settings = await admin.patch('/api/company/settings', {
    headers: { 'x-csrf-token': csrf },
    data: {
      selfService: 'manual',
      subsidy: { type: 'percent', value: 50 },
      deductionTerms: 'Jeg godtar at halve billettprisen trekkes i lønn hver måned.',
      deductionTermsEn: 'I agree that half the ticket price is deducted from my salary every month.',
      orderForm: {
        intro: 'Velkommen til bedriftsbilletten vår!',
        introEn: 'Welcome to our company ticket!',
        fields: [{ key: 'ansattnr', label: 'Ansattnummer', type: 'text', required: true }],
      },
    },
  });
  expect(settings.status()).toBe(200);
  const link = (await (await admin.get('/api/company/order-link')).json()).url as string;
  return { admin, csrf, operator, path: new URL(link).pathname };
}

test.afterAll(async ({ baseURL }) => {
  await resetServerClock(baseURL);
});

test('an employee orders on a phone: link → phone → SMS code → order → admin approves → SMS with the ticket link', async ({
  page,
  baseURL,
}) => {
  const { admin, csrf, operator, path } = await companyWithOrderLink(baseURL!);
  const phone = `9${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`;

  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Logg inn med mobilnummer' })).toBeVisible();
  await expect(page.getByText('Bedriftsbillett hos Sørlandsbakeriet AS')).toBeVisible();
  await expect(page.getByText('Velkommen til bedriftsbilletten vår!')).toBeVisible();
  await expectNoA11yViolations(page);
  // Issue 15.3: the company's English intro in English; back to bokmål for the rest.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('Welcome to our company ticket!')).toBeVisible();
  await page.getByRole('button', { name: 'Norsk' }).click();
  await expect(page.getByText('Velkommen til bedriftsbilletten vår!')).toBeVisible();

  await page.getByLabel('Mobilnummer').fill('123');
  await page.getByRole('button', { name: 'Send kode' }).click();
  await expect(page.getByText('Skriv et gyldig mobilnummer, for eksempel 912 34 567.')).toBeVisible();
  await page.getByLabel('Mobilnummer').fill(phone);
  await page.getByRole('button', { name: 'Send kode' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Skriv inn koden' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send ny kode' })).toBeDisabled();
  await expectNoA11yViolations(page);

  const code = /\b(\d{6})\b/.exec((await outbox(operator, phone))[0]!.body)![1]!;
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  await page.getByLabel('Kode fra SMS').fill(wrong);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByText('Koden er feil. Du har 4 forsøk igjen.')).toBeVisible();
  await page.getByLabel('Kode fra SMS').fill(code);
  await page.getByRole('button', { name: 'Logg inn' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Dine abonnement' })).toBeVisible();
  await expect(page.getByText(/Du har ingen abonnement ennå/)).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Legg til' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Ny bestilling' })).toBeVisible();
  await expect(page.getByLabel('Startdato')).toHaveValue('1. februar 2027');
  await expect(page.getByLabel('Startdato')).toHaveAttribute('readonly', '');
  await page.getByRole('button', { name: 'Bestill' }).click();
  await expect(page.getByText('Rett opp dette før du bestiller:')).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByLabel('Fornavn').fill('Ola');
  await page.getByLabel('Etternavn').fill('Nordmann');
  await page.getByLabel('Ansattnummer').fill('A-17');
  await page.getByLabel('Søk etter kommune').fill('kristian');
  await page.getByRole('checkbox', { name: 'Kristiansand' }).check();
  await page.getByLabel('Reisendekategori').selectOption({ label: 'Voksen' });
  await expect(page.getByText('Ditt trekk i lønn')).toBeVisible();
  await expect(page.getByText('Jeg godtar at halve billettprisen trekkes i lønn hver måned.')).toBeVisible();
  await page.getByRole('checkbox', { name: /samtykker til trekk i lønn/ }).check();
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Bestill' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Takk for bestillingen!' })).toBeVisible();
  await expect(page.getByText(/venter på godkjenning fra arbeidsgiveren din/)).toBeVisible();
  // Issue 15 item 4: the confirmation repeats what was ordered and when it starts, with the amounts.
  const summary = page.getByRole('region', { name: 'Dette har du bestilt' });
  await expect(summary.getByText('Kristiansand')).toBeVisible();
  await expect(summary.getByText('Voksen')).toBeVisible();
  await expect(summary.getByText('1. februar 2027')).toBeVisible();
  await expect(summary.getByText('Ditt trekk i lønn')).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('link', { name: 'Til dine abonnement' }).click();
  await expect(page.getByText('Venter på godkjenning · Ønsket start 1. februar 2027')).toBeVisible();

  const pending = await (await admin.get('/api/company/subscriptions?status=pending')).json();
  expect(pending.items).toHaveLength(1);
  const approved = await admin.post(`/api/company/subscriptions/${pending.items[0].id}/approve`, {
    headers: { 'x-csrf-token': csrf },
    data: {},
  });
  expect(approved.status()).toBe(200);
  const sms = (await outbox(operator, phone))[0]!.body;
  expect(sms).toMatch(/\/billett\/[A-Za-z0-9_-]+/);

  await page.reload();
  await expect(page.getByText('Godkjent – starter 1. februar 2027')).toBeVisible();
  // Issue 15 item 4: price, the employer's share, the own deduction and the ticket link, at 320 px.
  await page.setViewportSize({ width: 320, height: 800 });
  const card = page.getByRole('listitem').filter({ hasText: 'Ola Nordmann' });
  await expect(card.getByText('Månedspris')).toBeVisible();
  await expect(card.getByText('Ditt trekk i lønn')).toBeVisible();
  // The ticket link's token is stored only hashed (issue 12.9): the link opens the wallet, which
  // holds the ticket on the device it was opened on (issue 13).
  await expect(card.getByRole('link', { name: 'Åpne billetten' })).toHaveAttribute('href', '/billett');
  // Every amount reads on one line at 320 px (hostile check: "N/O/K" one letter a line).
  const amounts = await card
    .locator('dd')
    .filter({ hasText: /kr|NOK/ })
    .all();
  expect(amounts.length).toBeGreaterThanOrEqual(3); // price, company share, own deduction
  for (const amount of amounts) {
    expect(await amount.evaluate((e) => e.getBoundingClientRect().height)).toBeLessThan(40);
  }
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(fits).toBe(true);
  const tag = card.getByText('Godkjent – starter 1. februar 2027');
  expect(await tag.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(card.getByRole('link', { name: 'Open the ticket' })).toBeVisible();
  await expect(card.getByText('Your salary deduction')).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Norsk' }).click();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Si opp' }).click();
  const dialog = page.getByRole('dialog');
  await expect(
    dialog.getByText(/ikke startet ennå\. Den blir kansellert, og det koster ingenting/),
  ).toBeVisible();
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Ja, si opp' }).click();
  await expect(page.getByText('Bestillingen er kansellert.')).toBeVisible();
  await expect(page.getByText('Kansellert', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Legg til' })).toBeVisible();
});

test('an unknown order link shows a clear page, not a form', async ({ page }) => {
  await page.goto('/bestill/finnes-ikke');
  await expect(page.getByRole('heading', { level: 1, name: 'Lenken virker ikke' })).toBeVisible();
  await expect(page.getByLabel('Mobilnummer')).toHaveCount(0);
  await expectNoA11yViolations(page);
});
