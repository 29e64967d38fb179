import { expect as baseExpect, type Page, request, test } from '@playwright/test';
import { resetServerClock } from './support/clock';
import { OPERATOR, outbox, randomOrgNumber } from './support/company-admin';

test.use({ serviceWorkers: 'block', locale: 'nb-NO' });
test.setTimeout(150_000);
const expect = baseExpect.configure({ timeout: 15_000 });

const CLOCK = '2027-01-15T10:00:00+01:00';

/** Counts the requests the page sends with `method` to a path that matches `path`. */
function countRequests(page: Page, method: string, path: RegExp): () => number {
  let n = 0;
  page.on('request', (r) => {
    if (r.method() === method && path.test(new URL(r.url()).pathname)) n += 1;
  });
  return () => n;
}

test.beforeAll(async ({ baseURL }) => {
  const api = await request.newContext({ baseURL });
  await api.put('/api/dev/clock', { data: { now: CLOCK } });
  await api.dispose();
});

test.afterAll(async ({ baseURL }) => {
  await resetServerClock(baseURL);
});

test('issue 15.5: register company and invite admin clicked twice send one request each: one company, one invitation, success and no "allerede i bruk"', async ({
  page,
}) => {
  await page.request.post('/api/auth/login', { data: OPERATOR });
  await page.goto('/operator/bedrifter/ny');
  const registrations = countRequests(page, 'POST', /^\/api\/operator\/companies$/);
  const email = `dobbel-${Date.now()}@bedrift.example`;
  const org = randomOrgNumber();
  await page.getByLabel('Organisasjonsnummer').fill(org);
  await page.getByLabel('Bedriftens navn').fill('Dobbeltklikk AS');
  await page.getByRole('group', { name: 'Kontaktperson' }).getByLabel('Navn').fill('Kari Kontakt');
  await page.getByRole('group', { name: 'Kontaktperson' }).getByLabel('E-post').fill(email);
  await page.getByRole('button', { name: 'Registrer og send invitasjon' }).dblclick();
  await expect(page.getByRole('heading', { level: 1, name: 'Dobbeltklikk AS' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  const invitations = await outbox(page.request, email);
  expect(invitations).toHaveLength(1);
  expect(registrations()).toBe(1);

  // The contact accepts in a browser of their own, then invites a colleague by double click.
  const token = /\/bedrift\/invitasjon\/([A-Za-z0-9_-]+)/.exec(invitations[0]!.body)![1];
  const admin = await page.context().browser()!.newContext({ locale: 'nb-NO', serviceWorkers: 'block' });
  const adminPage = await admin.newPage();
  await adminPage.request.post(`/api/auth/invitations/${token}/accept`, {
    data: { password: 'admin-password-1234' },
  });
  await adminPage.goto('/bedrift/administratorer');
  const invites = countRequests(adminPage, 'POST', /^\/api\/company\/admins$/);
  const colleague = `kollega-${Date.now()}@bedrift.example`;
  const form = adminPage.getByRole('region', { name: 'Inviter administrator' });
  await form.getByLabel('Navn').fill('Per Kollega');
  await form.getByLabel('E-post').fill(colleague);
  await form.getByRole('button', { name: 'Send invitasjon' }).dblclick();
  await expect(form.getByText(`Invitasjon er sendt til ${colleague}.`)).toBeVisible();
  await expect(adminPage.getByText(/allerede i bruk/)).toHaveCount(0);
  await expect(adminPage.getByRole('alert')).toHaveCount(0);
  expect(await outbox(page.request, colleague)).toHaveLength(1);
  expect(invites()).toBe(1);
  await admin.close();
});

test('issue 15.5: "Send kode" tapped twice sends one code and shows no "For mange forsøk"', async ({
  page,
}) => {
  const operator = await request.newContext({ baseURL: test.info().project.use.baseURL });
  const login = await (await operator.post('/api/auth/login', { data: OPERATOR })).json();
  const contact = `kode-${Date.now()}@bedrift.example`;
  const created = await operator.post('/api/operator/companies', {
    data: { orgNumber: randomOrgNumber(), name: 'Kodebedrift AS', contact: { name: 'Kari', email: contact } },
    headers: { 'x-csrf-token': login.csrfToken },
  });
  expect(created.status()).toBe(201);
  const token = /\/bedrift\/invitasjon\/([A-Za-z0-9_-]+)/.exec(
    (await outbox(operator, contact))[0]!.body,
  )![1];
  const admin = await request.newContext({ baseURL: test.info().project.use.baseURL });
  const accepted = await admin.post(`/api/auth/invitations/${token}/accept`, {
    data: { password: 'admin-password-1234' },
  });
  const csrf = (await accepted.json()).csrfToken as string;
  await admin.patch('/api/company/settings', {
    headers: { 'x-csrf-token': csrf },
    data: { selfService: 'manual' },
  });
  const link = (await (await admin.get('/api/company/order-link')).json()) as { url: string };
  await admin.dispose();
  await page.goto(`/bestill/${link.url.split('/bestill/')[1]}`);
  const phone = `9${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`;
  await page.getByLabel('Mobilnummer').fill(phone);
  const sends = countRequests(page, 'POST', /\/otp$/);
  await page.getByRole('button', { name: 'Send kode' }).dblclick();
  await expect(page.getByRole('heading', { level: 1, name: 'Skriv inn koden' })).toBeVisible();
  await expect(page.getByText(/For mange forsøk/)).toHaveCount(0);
  const codes = (await outbox(operator, `+47${phone}`)).filter((m) => m.kind === 'login_code');
  expect(codes).toHaveLength(1);
  expect(sends()).toBe(1);
  await operator.dispose();
});

test('issue 15.5 and 15.6: approve and the billing run clicked twice send one request; after approving the focus is on what was done', async ({
  page,
  baseURL,
}) => {
  const operator = await request.newContext({ baseURL });
  const login = await (await operator.post('/api/auth/login', { data: OPERATOR })).json();
  const contact = `godkjenn-${Date.now()}@bedrift.example`;
  await operator.post('/api/operator/companies', {
    data: { orgNumber: randomOrgNumber(), name: 'Godkjenn AS', contact: { name: 'Kari', email: contact } },
    headers: { 'x-csrf-token': login.csrfToken },
  });
  const token = /\/bedrift\/invitasjon\/([A-Za-z0-9_-]+)/.exec(
    (await outbox(operator, contact))[0]!.body,
  )![1];
  await page.request.post(`/api/auth/invitations/${token}/accept`, {
    data: { password: 'admin-password-1234' },
  });
  const csrf = (await (await page.request.get('/api/auth/csrf')).json()).token as string;
  await page.request.patch('/api/company/settings', {
    headers: { 'x-csrf-token': csrf },
    data: { selfService: 'manual' },
  });
  const link = (await (await page.request.get('/api/company/order-link')).json()) as { url: string };
  const orderToken = link.url.split('/bestill/')[1]!;

  // An employee orders through the API.
  const employee = await request.newContext({ baseURL });
  const phone = `9${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`;
  await employee.post(`/api/order/${orderToken}/otp`, { data: { phone } });
  const code = /\b(\d{6})\b/.exec((await outbox(operator, `+47${phone}`))[0]!.body)![1];
  const verified = await (
    await employee.post(`/api/order/${orderToken}/otp/verify`, { data: { phone, code } })
  ).json();
  const ordered = await employee.post('/api/me/subscriptions', {
    headers: { 'x-csrf-token': verified.csrfToken },
    data: {
      firstName: 'Ola',
      lastName: 'Dobbel',
      zoneIds: ['kristiansand'],
      categoryId: 'voksen',
      fields: {},
      consent: true,
    },
  });
  expect(ordered.status()).toBe(201);
  await employee.dispose();

  await page.goto('/bedrift');
  const approvals = countRequests(page, 'POST', /\/approve$/);
  await page.getByRole('button', { name: 'Godkjenn bestillingen til Ola Dobbel' }).click();
  const dialog = page.getByRole('dialog', { name: /Ola Dobbel/ });
  await dialog.getByRole('button', { name: 'Godkjenn' }).dblclick();
  const done = page.getByRole('status').filter({ hasText: 'Ola Dobbel: Bestillingen er godkjent' });
  await expect(done).toBeFocused();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(approvals()).toBe(1);

  const staff = await page.context().browser()!.newContext({ locale: 'nb-NO', serviceWorkers: 'block' });
  const billing = await staff.newPage();
  await billing.request.post('/api/auth/login', { data: OPERATOR });
  await billing.goto('/operator/fakturering');
  const runs = countRequests(billing, 'POST', /^\/api\/operator\/billing-runs$/);
  await billing.getByLabel('Måned', { exact: true }).fill('2026-12');
  await billing.getByRole('button', { name: 'Fakturer måneden' }).dblclick();
  // The page already names the month before the run: wait for the request, then for it to end.
  await expect.poll(runs).toBe(1);
  await expect(billing.getByText('Starter fakturering …')).toHaveCount(0);
  await expect(billing.getByRole('alert')).toHaveCount(0);
  expect(runs()).toBe(1);
  await staff.close();
  await operator.dispose();
});
