import { expect as baseExpect, test } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { resetServerClock } from './support/clock';
import { companyAdmin, send } from './support/company-admin';

test.use({ serviceWorkers: 'block' });
const expect = baseExpect.configure({ timeout: 30_000 });

test.beforeAll(async ({ baseURL }) => {
  await resetServerClock(baseURL);
});

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const mobileBase = 41_000_000 + Math.floor(Math.random() * 90_000) * 10;

test('issue 16 item 2: a bulk end of 50 rows on a date — select all in the filter, preview, run with progress, one summary; axe clean in nb and en', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await companyAdmin(page, 'Bulkbedrift AS');
  for (let i = 0; i < 50; i++) {
    await send(page.request, 'post', '/api/company/subscriptions', {
      firstName: 'Ansatt',
      lastName: `Etternavn ${LETTERS[Math.floor(i / 26)]}${LETTERS[i % 26]}`,
      phone: `+47${mobileBase + i}`,
      zoneIds: ['kristiansand'],
      categoryId: 'voksen',
    });
  }
  await page.goto('/bedrift/abonnementer');
  await expect(page.getByRole('heading', { level: 1, name: 'Abonnementer' })).toBeVisible();
  await page.getByRole('button', { name: 'Velg alle i filteret' }).click();
  const bar = page.getByRole('region', { name: '50 abonnementer valgt' });
  await expect(bar).toBeVisible();
  await bar.getByLabel('Handling').selectOption('end');
  await bar.getByLabel('Når').selectOption('date');
  const end = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(
    new Date(Date.now() + 40 * 86_400_000),
  );
  await bar.getByLabel('Siste gyldige dag').fill(end);
  await expectNoA11yViolations(page);

  await bar.getByRole('button', { name: 'Forhåndsvis' }).click();
  await expect(bar.getByRole('heading', { name: 'Forhåndsvisning' })).toBeFocused();
  await expect(bar.getByText('50 vil bli endret, 0 er allerede slik, 0 kan ikke endres.')).toBeVisible();

  await bar.getByRole('button', { name: 'Utfør for 50 abonnementer' }).click();
  await expect(bar.getByText(/Utfører: \d+ av 50/)).toBeVisible();
  await expect(bar.getByRole('heading', { name: 'Resultat' })).toBeFocused({ timeout: 120_000 });
  await expect(bar.getByText('50 endret, 0 var allerede slik, 0 feilet.')).toBeVisible();
  // The list shows the planned end on every row.
  await expect(page.getByRole('row').filter({ hasText: 'Etternavn AA' })).toContainText(/\d{4}|\./);
  await expectNoA11yViolations(page);

  // A second run over the same rows changes nothing and says so, in English.
  await page.getByRole('button', { name: 'English' }).click();
  const enBar = page.getByRole('region', { name: '50 subscriptions selected' });
  await enBar.getByRole('button', { name: 'Apply to 50 subscriptions' }).click();
  await expect(enBar.getByText('0 changed, 50 already were so, 0 failed.')).toBeVisible({ timeout: 120_000 });
  await expectNoA11yViolations(page);
});

test('issue 16 item 2: a list pasted from Excel selects rows by mobile number; lines that match nothing are named', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await companyAdmin(page, 'Limbedrift AS');
  for (let i = 0; i < 3; i++) {
    await send(page.request, 'post', '/api/company/subscriptions', {
      firstName: 'Lim',
      lastName: `Inn ${LETTERS[i]}`,
      phone: `+47${mobileBase + 100 + i}`,
      zoneIds: ['kristiansand'],
      categoryId: 'voksen',
    });
  }
  await page.goto('/bedrift/abonnementer');
  await page.getByText('Velg fra en liste (lim inn fra Excel)').click();
  await page
    .getByLabel('Mobilnumre eller ansattnumre, ett per linje')
    .fill(`${mobileBase + 100}\n+47 ${mobileBase + 101}\n99999999`);
  await page.getByRole('button', { name: 'Velg disse' }).click();
  await expect(page.getByText('2 abonnementer valgt.')).toBeVisible();
  await expect(page.getByText('Fant ingen for: 99999999.')).toBeVisible();
  await expect(page.getByRole('region', { name: '2 abonnementer valgt' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Velg Lim Inn A' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Velg Lim Inn C' })).not.toBeChecked();
  await expectNoA11yViolations(page);
});
