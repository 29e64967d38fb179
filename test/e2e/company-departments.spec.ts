import { type APIRequestContext, expect as baseExpect, test } from '@playwright/test';

import { expectNoA11yViolations } from './support/a11y';
import { resetServerClock } from './support/clock';
import {
  companyAdmin,
  companyAdminContext,
  OPERATOR,
  outbox,
  send as sendJson,
} from './support/company-admin';

test.use({ serviceWorkers: 'block' });

const send = (request: APIRequestContext, method: 'post' | 'put', path: string, data: unknown) =>
  sendJson(request, method, path, data);
const expect = baseExpect.configure({ timeout: 30_000 });

/** The password `companyAdmin` accepts the invitation with. */
const PASSWORD = 'et langt og godt passord';

test.afterAll(async ({ baseURL }) => {
  await resetServerClock(baseURL);
});

test('issue 16 item 3: define a department, put a subscription in it, and download its own invoice (PDF and EHF with BT-10 and BT-133)', async ({
  page,
}) => {
  const request = page.request;
  await send(request, 'put', '/api/dev/clock', { now: '2027-01-10T10:00:00+01:00' });
  const { adminEmail: email } = await companyAdmin(page, 'Avdelingstest AS', {
    invoiceAddress: { street: 'Gata 1', postalCode: '4630', city: 'Kristiansand' },
  });

  // Define the department (bokmål first), at 320 px and by keyboard.
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto('/bedrift/avdelinger');
  await expect(page.getByRole('heading', { level: 1, name: 'Avdelinger' })).toBeVisible();
  await expect(page.getByText('Bedriften har ingen avdelinger ennå.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Navn' }).fill('Salg');
  await page.getByRole('textbox', { name: 'Koststed' }).fill('4100');
  await page.getByRole('textbox', { name: 'Fakturareferanse' }).fill('SALG-77');
  await page.getByRole('textbox', { name: 'Fakturareferanse' }).press('Enter');
  await expect(page.getByRole('cell', { name: 'Salg', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'SALG-77' })).toBeVisible();
  const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(scrolls).toBe(false);
  await page.getByRole('radio', { name: 'Én faktura per avdeling' }).check();
  await expect(page.getByText('Valget er lagret og gjelder fra neste fakturering.')).toBeVisible();
  await expectNoA11yViolations(page);

  // Assign: a subscription added by hand in the department.
  const departments = (await (await request.get('/api/company/departments')).json()) as {
    items: { id: string; name: string }[];
  };
  const salg = departments.items.find((d) => d.name === 'Salg')!;
  await send(request, 'post', '/api/company/subscriptions', {
    firstName: 'Åse',
    lastName: 'Ødegård',
    phone: '41234568',
    zoneIds: ['kristiansand'],
    categoryId: 'voksen',
    startDate: '2027-01-10',
    departmentId: salg.id,
  });
  await page.goto('/bedrift/avdelinger');
  await expect(page.getByRole('row', { name: /Salg/ })).toContainText('1');

  // The month is over: the operator bills it; the department gets its own invoice.
  await send(request, 'put', '/api/dev/clock', { now: '2027-02-01T08:00:00+01:00' });
  await send(request, 'post', '/api/auth/login', OPERATOR);
  await send(request, 'post', '/api/operator/billing-runs', { month: '2027-01' });
  await send(request, 'post', '/api/auth/login', { email, password: PASSWORD });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/bedrift/fakturaer');
  const pdf = page.getByRole('link', { name: /^PDF for faktura/ }).first();
  await expect(pdf).toBeVisible();
  const pdfResponse = await request.get((await pdf.getAttribute('href'))!);
  expect(pdfResponse.headers()['content-type']).toBe('application/pdf');
  const ehf = page.getByRole('link', { name: /^EHF for faktura/ }).first();
  await expect(ehf).toBeVisible();
  const xml = await (await request.get((await ehf.getAttribute('href'))!)).text();
  expect(xml).toContain('<cbc:BuyerReference>SALG-77</cbc:BuyerReference>');
  expect(xml).toContain('<cbc:AccountingCost>4100</cbc:AccountingCost>');
  await expectNoA11yViolations(page);
});

test('issue 16 item 3: an employee chooses their department on the order form (320 px, axe), and the order is in it', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await send(page.request, 'put', '/api/dev/clock', { now: '2027-01-10T10:00:00+01:00' });
  const { admin, csrf, operator } = await companyAdminContext(baseURL!, 'Avdelingsbestilling AS', 'avdbest');
  const headers = { 'x-csrf-token': csrf };
  const created = await admin.post('/api/company/departments', {
    headers,
    data: { name: 'Lager', costCentre: '5100' },
  });
  expect(created.status()).toBe(201);
  const lager = (await created.json()) as { id: string };
  expect(
    (await admin.patch('/api/company/settings', { headers, data: { selfService: 'manual' } })).status(),
  ).toBe(200);
  const link = ((await (await admin.get('/api/company/order-link')).json()) as { url: string }).url;
  const orderToken = link.split('/bestill/')[1]!;
  const phone = `9${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`;
  await page.request.post(`/api/order/${orderToken}/otp`, { data: { phone } });
  let code: string | undefined;
  await expect
    .poll(async () => {
      code = /\b(\d{6})\b/.exec((await outbox(operator, `+47${phone}`))[0]?.body ?? '')?.[1];
      return code;
    })
    .toBeTruthy();
  expect(
    (await page.request.post(`/api/order/${orderToken}/otp/verify`, { data: { phone, code } })).ok(),
  ).toBe(true);
  await page.goto(`/bestill/${orderToken}/ny`);
  await page.getByRole('textbox', { name: 'Fornavn' }).fill('Lars');
  await page.getByRole('textbox', { name: 'Etternavn' }).fill('Lager');
  const department = page.getByRole('combobox', { name: 'Avdeling' });
  await expect(department).toHaveValue('');
  await department.selectOption({ label: 'Lager' });
  await page.getByRole('checkbox', { name: 'Kristiansand' }).check();
  await page.getByRole('combobox', { name: 'Kategori' }).selectOption('voksen');
  await expectNoA11yViolations(page);
  await page.getByRole('checkbox', { name: /godtar|samtykker/i }).check();
  await page.getByRole('button', { name: /Send bestilling|Bestill/ }).click();
  await expect(page).toHaveURL(/bekreftelse/);
  const list = (await (await admin.get('/api/company/subscriptions')).json()) as {
    items: { lastName: string; departmentId: string | null }[];
  };
  expect(list.items.find((i) => i.lastName === 'Lager')?.departmentId).toBe(lager.id);
  await admin.dispose();
  await operator.dispose();
});
