import { expect as baseExpect, test } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { resetServerClock } from './support/clock';
import { companyAdmin, send } from './support/company-admin';

test.use({ serviceWorkers: 'block' });
const expect = baseExpect.configure({ timeout: 30_000 });

const mobileBase = 41_000_000 + Math.floor(Math.random() * 9_000) * 100;

function osloDate(offsetDays = 0): string {
  const date = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(date);
}

/**
 * The i-th of 55 last names, in alphabetical order: "Etternavn Alfa A" … "Etternavn Foxtrot E".
 * Letters only, as the text boundary takes a person name; each group of ten has a word of its own.
 */
function listName(i: number): string {
  const groups = ['Alfa', 'Bravo', 'Charlie', 'Delta', 'Ekko', 'Foxtrot'];
  return `Etternavn ${groups[Math.floor(i / 10)]} ${'ABCDEFGHIJ'[i % 10]}`;
}

test.beforeAll(async ({ baseURL }) => {
  await resetServerClock(baseURL);
});

test('item 16.6: 55 subscriptions page by 50 on the server, sort by a column header, export the filter', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await companyAdmin(page, 'Listebedrift AS');
  for (let i = 0; i < 55; i++) {
    await send(page.request, 'post', '/api/company/subscriptions', {
      firstName: 'Ansatt',
      lastName: listName(i),
      phone: `+47${mobileBase + i}`,
      zoneIds: ['kristiansand'],
      categoryId: 'voksen',
    });
  }
  await page.goto('/bedrift/abonnementer');
  await expect(page.getByRole('heading', { level: 1, name: 'Abonnementer' })).toBeVisible();
  await expect(page.getByText('Side 1: 50 abonnementer')).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(51);
  await expect(rows.nth(1)).toContainText('Etternavn Alfa A');
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Neste side' }).click();
  await expect(page.getByText('Side 2: 5 abonnementer')).toBeVisible();
  await expect(rows.nth(1)).toContainText('Etternavn Foxtrot A');
  await expect(page.getByRole('button', { name: 'Neste side' })).toBeDisabled();
  await page.getByRole('button', { name: 'Forrige side' }).click();
  await expect(page.getByText('Side 1: 50 abonnementer')).toBeVisible();

  // Sort by name, descending: the header's button toggles and aria-sort follows.
  await page.getByRole('button', { name: 'Navn' }).click();
  await expect(page.getByRole('columnheader', { name: 'Navn' })).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.nth(1)).toContainText('Etternavn Foxtrot E');
  await expectNoA11yViolations(page);

  // Filter by free text and export the same filter.
  await page.getByLabel('Søk', { exact: true }).fill('Etternavn Charlie');
  await expect(
    page.getByText('1 abonnement', { exact: true }).or(page.getByText(/^\d+ abonnementer$/)),
  ).toBeVisible();
  await expect(rows).toHaveCount(11); // Charlie A–J
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Last ned CSV' }).click();
  const file = await download;
  const text = await (await file.createReadStream())
    .toArray()
    .then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const lines = text.trim().split('\r\n');
  expect(lines).toHaveLength(11);
  expect(lines[1]).toMatch(/^Etternavn Charlie J;Ansatt;/);
});

test('item 16.1: end on a date, change it, withdraw it; the employee gets an SMS each time', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await companyAdmin(page, 'Sluttdato AS');
  const phone = `+47${mobileBase + 99}`;
  const sub = await send(page.request, 'post', '/api/company/subscriptions', {
    firstName: 'Ola',
    lastName: 'Hansen',
    phone,
    zoneIds: ['kristiansand'],
    categoryId: 'voksen',
    startDate: osloDate(),
  });
  const endDate = osloDate(20);
  await page.goto(`/bedrift/abonnementer/${sub.id}`);
  await page.getByRole('button', { name: 'Avslutt abonnement' }).click();
  const dialog = page.getByRole('dialog', { name: 'Avslutt abonnementet til Ola Hansen' });
  await dialog.getByRole('radio', { name: 'På en bestemt dato' }).check();
  // A date before today: the field's own limit (min = today) stops the form, the dialog stays
  // open and nothing is sent; the server refuses the same date with a translated 400.
  const dateField = dialog.getByLabel('Siste gyldige dag');
  await expect(dateField).toHaveAttribute('min', osloDate());
  await dateField.fill(osloDate(-1));
  await dialog.getByRole('button', { name: 'Avslutt abonnementet' }).click();
  expect(await dateField.evaluate((el: HTMLInputElement) => el.validity.rangeUnderflow)).toBe(true);
  await expect(dialog).toBeVisible();
  await expectNoA11yViolations(page);
  const token = ((await (await page.request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const refused = await page.request.post(`/api/company/subscriptions/${sub.id}/end`, {
    data: { effective: 'date', endDate: osloDate(-1) },
    headers: { 'X-CSRF-Token': token, 'Accept-Language': 'nb' },
  });
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({
    code: 'END_DATE_INVALID',
    message: 'Sluttdatoen (endDate) må være en gyldig dato fra og med i dag.',
  });
  await dialog.getByLabel('Siste gyldige dag').fill(endDate);
  await dialog.getByRole('button', { name: 'Avslutt abonnementet' }).click();
  await expect(page.getByText('Abonnementet er avsluttet.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /Ola Hansen/ })).toContainText('Aktiv');
  await expect(page.getByRole('button', { name: 'Trekk tilbake avslutning' })).toBeVisible();
  await expectNoA11yViolations(page);

  const outbox = async () => {
    const r = await page.request.get(`/api/dev/outbox?to=${encodeURIComponent(phone)}`);
    return ((await r.json()) as { messages: { body: string }[] }).messages.map((m) => m.body);
  };
  await expect.poll(async () => (await outbox())[0]).toContain('Siste gyldige dag er');

  // Change the planned end, then withdraw it.
  await page.getByRole('button', { name: 'Endre sluttdato' }).click();
  const change = page.getByRole('dialog', { name: 'Endre sluttdato for Ola Hansen' });
  await expect(change.getByLabel('Siste gyldige dag')).toHaveValue(endDate);
  await change.getByLabel('Siste gyldige dag').fill(osloDate(40));
  await change.getByRole('button', { name: 'Avslutt abonnementet' }).click();
  await expect(page.getByText('Abonnementet er avsluttet.')).toBeVisible();
  await page.getByRole('button', { name: 'Trekk tilbake avslutning' }).click();
  const withdraw = page.getByRole('dialog', { name: 'Trekk tilbake avslutningen for Ola Hansen' });
  await expectNoA11yViolations(page);
  await withdraw.getByRole('button', { name: 'Trekk tilbake' }).click();
  await expect(page.getByText('Avslutningen er trukket tilbake. Abonnementet fortsetter.')).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'Detaljer' })
      .getByRole('definition')
      .filter({ hasText: /^Løpende$/ }),
  ).toBeVisible();
  // The employee's history tells the moved end and the withdrawal as sentences (item 16.7).
  await expect(
    page.getByText(
      /^Kari Nordmann endret sluttdatoen for Ola Hansen: \d+\. \p{L}+ \d{4} → \d+\. \p{L}+ \d{4}$/u,
    ),
  ).toBeVisible();
  await expect(
    page.getByText(/^Kari Nordmann trakk tilbake avslutningen av abonnementet til Ola Hansen \(/),
  ).toBeVisible();
  await expect.poll(async () => (await outbox())[0]).toContain('trukket tilbake');
});

test('item 16.7: the log reads as sentences in bokmål and in English, filtered by employee', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await companyAdmin(page, 'Loggbedrift AS');
  const sub = await send(page.request, 'post', '/api/company/subscriptions', {
    firstName: 'Ola',
    lastName: 'Hansen',
    phone: `+47${mobileBase + 77}`,
    zoneIds: ['kristiansand'],
    categoryId: 'voksen',
    startDate: osloDate(),
  });
  await send(page.request, 'post', `/api/company/subscriptions/${sub.id}/change-zones`, {
    zoneIds: ['kristiansand', 'vennesla'],
    effective: 'next_month',
  });
  await page.goto('/bedrift/logg');
  const zones = page.getByText(
    /^Kari Nordmann endret soner for Ola Hansen: Kristiansand → Kristiansand, Vennesla, fra 1\. /,
  );
  await expect(zones).toBeVisible();
  const zonesEntry = page.getByRole('article').filter({ has: zones });
  await expect(zonesEntry.getByRole('term')).toHaveText(['Soner']);
  await expect(zonesEntry.getByRole('definition')).toHaveText(['Kristiansand → Kristiansand, Vennesla']);
  // The action filter names every action in words, never by its code.
  await expect(page.getByLabel('Handling').getByRole('option', { name: /^[a-z_]+\.[a-z_]+$/ })).toHaveCount(
    0,
  );
  await expect(page.getByText(/ticket\.credential_issued|[0-9a-f]{8}-[0-9a-f]{4}-/)).toHaveCount(0);
  await expectNoA11yViolations(page);
  await page.getByLabel('Ansatt (navn)').fill('ingen slik');
  await expect(page.getByText('Ingen endringer ennå.')).toBeVisible();
  await page.getByLabel('Ansatt (navn)').fill('ola');
  await expect(zones).toBeVisible();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(
    page.getByText(
      /^Kari Nordmann changed the zones for Ola Hansen: Kristiansand → Kristiansand, Vennesla, from 1 /,
    ),
  ).toBeVisible();
  await expectNoA11yViolations(page);
});
