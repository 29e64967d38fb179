import path from 'node:path';
import { expect as baseExpect, test } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { resetServerClock } from './support/clock';
import { companyAdmin, send } from './support/company-admin';

test.use({ serviceWorkers: 'block' });
const expect = baseExpect.configure({ timeout: 30_000 });

const repoRoot = path.resolve(import.meta.dirname, '../..');
const EXCEL_1252 = path.join(repoRoot, '..', 'shared', 'cases', 'subscriptions-excel-windows-1252.csv');

test.beforeAll(async ({ baseURL }) => {
  await resetServerClock(baseURL);
});

test("issue 14 item 4: Norwegian Excel's Windows-1252 CSV previews Trine Ødegård and Jørn Ås, read as Windows-1252", async ({
  page,
}) => {
  await companyAdmin(page, 'Agder Import AS');
  await page.goto('/bedrift/nytt-abonnement/import');
  await page.getByLabel('Fil', { exact: true }).setInputFiles(EXCEL_1252);
  const preview = page.getByRole('table');
  await expect(preview.getByRole('cell', { name: 'Trine Ødegård' })).toBeVisible();
  await expect(preview.getByRole('cell', { name: 'Jørn Ås' })).toBeVisible();
  await expect(page.getByText('Filen er lest som Windows-1252.')).toBeVisible();
  await expectNoA11yViolations(page);
});

test('issue 16 item 2: a file updates and ends — the preview says per row what happens, the import does it and says how many changed', async ({
  page,
}) => {
  await companyAdmin(page, 'Agder Endring AS');
  const base = 95_800_000 + Math.floor(Math.random() * 100_000);
  await send(page.request, 'post', '/api/company/subscriptions', {
    firstName: 'Ola',
    lastName: 'Hansen',
    phone: `+47${base}`,
    zoneIds: ['kristiansand'],
    categoryId: 'voksen',
  });
  await send(page.request, 'post', '/api/company/subscriptions', {
    firstName: 'Liv',
    lastName: 'Lie',
    phone: `+47${base + 1}`,
    zoneIds: ['kristiansand'],
    categoryId: 'voksen',
  });
  const csv = [
    'Fornavn;Etternavn;Mobil;Soner;Kategori;Startdato;Sluttdato',
    `Ola;Hansen;${base};Kristiansand;Voksen;;30.06.2027`,
    `Liv;Lie;${base + 1};Kristiansand;Voksen;;`,
    `Nina;Ny;${base + 2};Kristiansand;Voksen;;`,
  ].join('\r\n');
  await page.goto('/bedrift/nytt-abonnement/import');
  await page
    .getByLabel('Fil', { exact: true })
    .setInputFiles({ name: 'endringer.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const preview = page.getByRole('table');
  const row = (name: string) => preview.getByRole('row').filter({ hasText: name });
  await expect(row('Ola Hansen')).toContainText('Endres: sluttdato');
  await expect(row('Ola Hansen')).toContainText('30. juni 2027');
  await expect(row('Liv Lie')).toContainText('Uendret');
  await expect(row('Nina Ny')).toContainText('Nytt abonnement');
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: /Importer 3/ }).click();
  await expect(page.getByText('1 abonnement er endret.', { exact: false })).toBeVisible();
  await expect(page.getByText('1 abonnement er importert.', { exact: false })).toBeVisible();
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoA11yViolations(page);
});
