import { type APIRequestContext, expect as baseExpect, request, test } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { resetServerClock } from './support/clock';

/**
 * Issue 15 (a, b, f): the message kinds added by the hostile check, each from its trigger, with
 * the SMS read from the outbox in both languages, and the consent link's own pages (login,
 * confirm, deactivated company) axe clean in nb and en at 320 px.
 */
test.use({ serviceWorkers: 'block', viewport: { width: 320, height: 720 }, locale: 'nb-NO' });
test.setTimeout(150_000);
const expect = baseExpect.configure({ timeout: 15_000 });

const OPERATOR = { email: 'operator@example.no', password: 'operator-password-123' };
const CLOCK = '2027-01-15T10:00:00+01:00';

function orgNumber(): string {
  for (;;) {
    const base = String(10_000_000 + Math.floor(Math.random() * 89_999_999)).slice(0, 8);
    const sum = [3, 2, 7, 6, 5, 4, 3, 2].reduce((acc, w, i) => acc + w * Number(base[i]), 0);
    const r = sum % 11;
    if (r !== 1) return base + String(r === 0 ? 0 : 11 - r);
  }
}

const mobile = () => `9${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`;

async function outbox(api: APIRequestContext, to: string) {
  const r = await api.get(`/api/dev/outbox?to=${encodeURIComponent(to)}`);
  return (await r.json()).messages as { channel: string; body: string; kind: string }[];
}

/** A company (50 % share, ordering open) with its admin's API context; the operator's too. */
async function company(baseURL: string, settings: Record<string, unknown> = {}) {
  const operator = await request.newContext({ baseURL });
  await operator.put('/api/dev/clock', { data: { now: CLOCK } });
  const login = await (await operator.post('/api/auth/login', { data: OPERATOR })).json();
  const email = `lenke-${Date.now()}-${Math.floor(Math.random() * 1e6)}@bedrift.example`;
  const created = await operator.post('/api/operator/companies', {
    data: { orgNumber: orgNumber(), name: 'Sørlandsbakeriet AS', contact: { name: 'Kari Kontakt', email } },
    headers: { 'x-csrf-token': login.csrfToken },
  });
  expect(created.status()).toBe(201);
  const companyId = (await created.json()).id as string;
  const invitation = (await outbox(operator, email))[0]!.body;
  const token = /\/bedrift\/invitasjon\/([A-Za-z0-9_-]+)/.exec(invitation)![1];
  const admin = await request.newContext({ baseURL });
  const accepted = await admin.post(`/api/auth/invitations/${token}/accept`, {
    data: { password: 'admin-password-1234' },
  });
  const csrf = (await accepted.json()).csrfToken as string;
  const saved = await admin.patch('/api/company/settings', {
    headers: { 'x-csrf-token': csrf },
    data: { selfService: 'manual', subsidy: { type: 'percent', value: 50 }, ...settings },
  });
  expect(saved.status()).toBe(200);
  return { admin, csrf, operator, operatorCsrf: login.csrfToken as string, companyId };
}

test.afterAll(async ({ baseURL }) => {
  await resetServerClock(baseURL);
});

test('issue 15 (a, b): a ticket the admin adds sends the consent link (ticket_approved); the link still works after the order link is rotated and self-service is off; the employee logs in there and confirms, in nb and en', async ({
  page,
  baseURL,
}) => {
  const { admin, csrf, operator } = await company(baseURL!);
  const phone = mobile();
  const added = await admin.post('/api/company/subscriptions', {
    headers: { 'x-csrf-token': csrf },
    data: { firstName: 'Ola', lastName: 'Nordmann', phone, zoneIds: ['kristiansand'], categoryId: 'voksen' },
  });
  expect(added.status()).toBe(201);
  const sub = await added.json();
  const sms = (await outbox(operator, sub.phone)).find((m) => m.kind === 'ticket_approved')!.body;
  // February: 1 zone 814 kr, half of it the employee's.
  expect(sms).toContain(
    'Lønnstrekket ditt blir 407 kr per måned, men kan bare trekkes når du har godkjent det',
  );
  const link = new URL(/https?:\/\/\S+\/samtykke\/[\w-]+/.exec(sms)![0]).pathname;

  // The order link rotated and ordering closed: the consent link is not the order link.
  expect(
    (await admin.post('/api/company/order-link/rotate', { headers: { 'x-csrf-token': csrf } })).status(),
  ).toBe(200);
  expect(
    (
      await admin.patch('/api/company/settings', {
        headers: { 'x-csrf-token': csrf },
        data: { selfService: 'disabled' },
      })
    ).status(),
  ).toBe(200);

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Logg inn med mobilnummer' })).toBeVisible();
  await expect(
    page.getByText('Logg inn med mobilnummeret ditt for å se og godkjenne lønnstrekket.'),
  ).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByLabel('Mobilnummer').fill(phone);
  await page.getByRole('button', { name: 'Send kode' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Skriv inn koden' })).toBeVisible();
  const code = /\b(\d{6})\b/.exec((await outbox(operator, sub.phone))[0]!.body)![1]!;
  await page.getByLabel('Kode fra SMS').fill(code);
  await page.getByRole('button', { name: 'Logg inn' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Godkjenn nytt lønnstrekk' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Billett lagt inn av bedriften' })).toBeVisible();
  await expectNoA11yViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ticket added by your company' })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('checkbox', { name: /I agree to the new salary deduction/ }).check();
  await page.getByRole('button', { name: 'Confirm new deduction' }).click();
  await expect(page.getByText('Thank you! The new salary deduction is confirmed.')).toBeVisible();

  const row = (await (await admin.get('/api/company/payroll?month=2027-02')).json()).rows.find(
    (r: { subscriptionId: string }) => r.subscriptionId === sub.id,
  );
  expect(row).toMatchObject({ consentMissing: false });

  // The English choice is remembered: the next company-added ticket's SMS is in English.
  await admin.post(`/api/company/subscriptions/${sub.id}/end`, {
    headers: { 'x-csrf-token': csrf },
    data: { effective: 'now' },
  });
  const again = await admin.post('/api/company/subscriptions', {
    headers: { 'x-csrf-token': csrf },
    data: {
      firstName: 'Ola',
      lastName: 'Nordmann',
      phone,
      zoneIds: ['kristiansand', 'vennesla'],
      categoryId: 'voksen',
    },
  });
  expect(again.status()).toBe(201);
  const en = (await outbox(operator, sub.phone)).find((m) => m.kind === 'ticket_approved')!.body;
  expect(en).toContain('but it can only be deducted once you agree to it');
});

test('issue 15 (b): a deactivated company’s consent link says clearly that there is nothing to agree to, in nb and en, axe clean', async ({
  page,
  baseURL,
}) => {
  const { admin, csrf, operator, operatorCsrf, companyId } = await company(baseURL!);
  const phone = mobile();
  const added = await admin.post('/api/company/subscriptions', {
    headers: { 'x-csrf-token': csrf },
    data: { firstName: 'Emma', lastName: 'Berg', phone, zoneIds: ['kristiansand'], categoryId: 'voksen' },
  });
  const sub = await added.json();
  const sms = (await outbox(operator, sub.phone)).find((m) => m.kind === 'ticket_approved')!.body;
  const link = new URL(/https?:\/\/\S+\/samtykke\/[\w-]+/.exec(sms)![0]).pathname;
  const off = await operator.post(`/api/operator/companies/${companyId}/deactivate`, {
    headers: { 'x-csrf-token': operatorCsrf },
    data: { confirm: true },
  });
  expect(off.status()).toBeLessThan(300);

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Ingen trekk å godkjenne' })).toBeVisible();
  await expect(page.getByText(/har ikke lenger bedriftsbillett/)).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'No deduction to agree to' })).toBeVisible();
  await expect(page.getByText(/no longer offers the company ticket/)).toBeVisible();
  await expectNoA11yViolations(page);

  await page.goto('/samtykke/00000000-0000-4000-8000-000000000000-forged');
  await expect(page.getByRole('heading', { level: 1, name: 'The link does not work' })).toBeVisible();
  await expectNoA11yViolations(page);
});
