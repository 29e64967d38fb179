import { expect as baseExpect, type Page, test } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { resetServerClock } from './support/clock';
import { companyAdmin as newCompanyAdmin, send } from './support/company-admin';

test.use({ serviceWorkers: 'block' });
const expect = baseExpect.configure({ timeout: 30_000 });

// Prices of the example catalog in January 2027 (voksen: 1 zone 790 kr, 2 zones 1 090 kr).
const CLOCK = '2027-01-15T10:00:00+01:00';
// Norwegian mobile numbers in the 41 range; a random base keeps reruns apart.
const mobileBase = 41_000_000 + Math.floor(Math.random() * 9_000) * 100;

/** A new company whose admin the page is logged in as, its order form asking for an employee number. */
async function companyAdmin(page: Page, name: string) {
  await newCompanyAdmin(page, name);
  await send(page.request, 'patch', '/api/company/settings', {
    orderForm: {
      kind: 'custom',
      fields: [{ key: 'ansattnr', label: 'Ansattnummer', type: 'number', required: true }],
    },
  });
}

test.beforeAll(async ({ request }) => {
  const r = await request.put('/api/dev/clock', { data: { now: CLOCK } });
  expect(r.ok()).toBeTruthy();
});

test.afterAll(async ({ baseURL }) => {
  await resetServerClock(baseURL);
});

test('item 16.8: the zone-change dialog shows price and deduction before and after, and warns of a raised deduction', async ({
  page,
}) => {
  await companyAdmin(page, 'Sonepris AS');
  const sub = await send(page.request, 'post', '/api/company/subscriptions', {
    firstName: 'Ola',
    lastName: 'Hansen',
    phone: `+47${mobileBase + 1}`,
    zoneIds: ['kristiansand'],
    categoryId: 'voksen',
    startDate: '2027-01-15',
    fields: { ansattnr: '1001' },
  });
  await page.goto(`/bedrift/abonnementer/${sub.id}`);
  await page.getByRole('button', { name: 'Endre soner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Endre soner for Ola Hansen' });
  await dialog.getByRole('checkbox', { name: 'Vennesla' }).check();
  await dialog.getByRole('radio', { name: 'Nå' }).check();
  const perMonth = dialog.getByRole('table', { name: /^Per måned fra 15\. januar 2027/ });
  await expect(perMonth.getByRole('row', { name: /Månedspris/ })).toHaveText(/790,00\skr.*1\s090,00\skr/);
  await expect(perMonth.getByRole('row', { name: /Lønnstrekk/ })).toHaveText(/790,00\skr.*1\s090,00\skr/);
  await expect(dialog.getByText(/^Lønnstrekket øker\. Den ansatte får SMS og må godta/)).toBeVisible();
  await expect(
    dialog.getByRole('table', { name: 'Fakturert per måned' }).getByRole('row', { name: /januar 2027/ }),
  ).toHaveText(/790,00\skr.*1\s090,00\skr/);
  await expectNoA11yViolations(page);
  // Back to the zones of today: nothing changes, no warning.
  await dialog.getByRole('checkbox', { name: 'Vennesla' }).uncheck();
  await expect(perMonth.getByRole('row', { name: /Lønnstrekk/ })).toHaveText(/790,00\skr.*790,00\skr/);
  await expect(dialog.getByText(/^Lønnstrekket øker/)).toHaveCount(0);
});

test('item 16.8: the employee number required of employees is required on Nytt abonnement too', async ({
  page,
}) => {
  await companyAdmin(page, 'Ansattnummer AS');
  await page.goto('/bedrift/nytt-abonnement');
  await page.getByLabel('Fornavn').fill('Siri');
  await page.getByLabel('Etternavn').fill('Dal');
  await page.getByLabel('Mobilnummer').fill(`${mobileBase + 2}`);
  await page.getByRole('checkbox', { name: 'Kristiansand' }).check();
  await page.getByLabel('Reisendekategori').selectOption({ label: 'Voksen' });
  // The browser's own today is the real one; the server's clock stands at CLOCK.
  await page.getByLabel('Startdato').fill('2027-02-01');
  const number = page.getByLabel('Ansattnummer', { exact: true });
  await expect(number).toHaveAttribute('required', '');
  await page.getByRole('button', { name: 'Opprett abonnement' }).click();
  await expect(page.getByText('Feltet må fylles ut.')).toBeVisible();
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expectNoA11yViolations(page);
  await number.fill('00789');
  await page.getByRole('button', { name: 'Opprett abonnement' }).click();
  await expect(page.getByText('Abonnementet er opprettet')).toBeVisible();
});

test("item 16.8: the import preview shows each row's own date and tells a repeat in the file from an existing subscription", async ({
  page,
}) => {
  await companyAdmin(page, 'Importdato AS');
  await send(page.request, 'post', '/api/company/subscriptions', {
    firstName: 'Liv',
    lastName: 'Lie',
    phone: `+47${mobileBase + 3}`,
    zoneIds: ['kristiansand'],
    categoryId: 'voksen',
    fields: { ansattnr: '1003' },
  });
  const csv = [
    'Fornavn;Etternavn;Mobil;Soner;Kategori;Startdato;Ansattnummer',
    `Kari;Nordmann;${mobileBase + 4};Kristiansand;Voksen;2026-06-01;1004`,
    `Liv;Lie;${mobileBase + 3};Kristiansand;Voksen;2027-03-01;1003`,
    `Ola;Berg;${mobileBase + 5};Kristiansand;Voksen;;1005`,
    `Ola;Berg;${mobileBase + 5};Kristiansand;Voksen;;1005`,
  ].join('\r\n');
  await page.goto('/bedrift/nytt-abonnement/import');
  await page
    .getByLabel('Fil', { exact: true })
    .setInputFiles({ name: 'ansatte.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(1)).toContainText('1. juni 2026');
  await expect(rows.nth(1)).toContainText('Startdatoen kan ikke være tilbake i tid.');
  // Liv already has this subscription: the row is an update that changes nothing (issue 16 item 2),
  // not a repeat; her start date is kept.
  await expect(rows.nth(2)).toContainText('Uendret');
  await expect(rows.nth(2)).toContainText('Startdatoen beholdes');
  await expect(rows.nth(3)).toContainText('Nytt abonnement');
  await expect(rows.nth(4)).toContainText('Mobilnummeret står også på rad 4 i filen.');
  await expectNoA11yViolations(page);
});
