import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type APIRequestContext,
  expect as baseExpect,
  chromium,
  type Page,
  request as playwrightRequest,
  test,
} from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { randomOrgNumber } from './support/company-admin';
import { readQr, writeQrVideo } from './support/qr';

// The server hashes passwords with argon2 and shares the machine with other suites: allow it time.
const expect = baseExpect.configure({ timeout: 30_000 });

// Service workers stay out of the way of the moved clock; offline is tested with the page loaded.
test.use({ serviceWorkers: 'block' });

const OPERATOR = { email: 'operator@example.no', password: 'operator-password-123' };

const randomMobile = () => `9${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

async function post(request: APIRequestContext, path: string, data: unknown, csrf?: string) {
  const response = await request.post(path, { data, headers: csrf ? { 'X-CSRF-Token': csrf } : {} });
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBeTruthy();
  return response.json();
}

async function setClock(baseURL: string, now: string) {
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const response = await anonymous.put('/api/dev/clock', { data: { now } });
  expect(response.ok()).toBeTruthy();
  await anonymous.dispose();
}

/** The path in the newest message to `to` matching `pattern`. */
async function pathInOutbox(request: APIRequestContext, to: string, pattern: RegExp): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(async () => {
      const response = await request.get(`/api/dev/outbox?to=${encodeURIComponent(to)}`);
      const { messages } = (await response.json()) as { messages: { body: string }[] };
      found = messages.map((m) => m.body.match(pattern)?.[0]).find(Boolean);
      return found;
    })
    .toBeTruthy();
  return found as string;
}

/** Operator registers a company, the contact accepts the invitation and adds a ticket by hand. */
async function approvedTicketPath(
  baseURL: string,
  phone: string,
): Promise<{ path: string; end: () => Promise<void> }> {
  const operator = await playwrightRequest.newContext({ baseURL });
  const login = await post(operator, '/api/auth/login', OPERATOR);
  const email = `kontakt-${Date.now()}@bedrift.example`;
  await post(
    operator,
    '/api/operator/companies',
    { orgNumber: randomOrgNumber(), name: 'Lommebok AS', contact: { name: 'Kari Kontakt', email } },
    login.csrfToken,
  );
  const invitation = await pathInOutbox(operator, email, /\/bedrift\/invitasjon\/[A-Za-z0-9_-]+/);
  const token = invitation.split('/').pop();
  const admin = await playwrightRequest.newContext({ baseURL });
  const accepted = await post(admin, `/api/auth/invitations/${token}/accept`, {
    password: 'et-langt-passord-123',
  });
  const subscription = await post(
    admin,
    '/api/company/subscriptions',
    {
      firstName: 'Nora',
      lastName: 'Reisende',
      phone,
      zoneIds: ['kristiansand', 'vennesla'],
      categoryId: 'voksen',
      startDate: '2027-03-01',
    },
    accepted.csrfToken,
  );
  const ticketPath = await pathInOutbox(operator, phone, /\/billett\/[A-Za-z0-9_-]+/);
  await operator.dispose();
  return {
    path: ticketPath,
    end: async () => {
      // The admin's session has run out while the clock moved: log in again.
      await admin.dispose();
      const fresh = await playwrightRequest.newContext({ baseURL });
      const again = await post(fresh, '/api/auth/login', { email, password: 'et-langt-passord-123' });
      await post(
        fresh,
        `/api/company/subscriptions/${subscription.id}/end`,
        { effective: 'now' },
        again.csrfToken,
      );
      await fresh.dispose();
    },
  };
}

/** The wallet's QR code as the inspector's camera would see it: read back from a screenshot. */
async function qrFromScreen(page: Page): Promise<string> {
  const qr = page.getByTestId('ticket-qr');
  await expect(qr).toBeVisible();
  return readQr(await qr.screenshot());
}

async function verifyOnline(request: APIRequestContext, code: string) {
  const response = await request.post('/api/inspection/verify', { data: { code } });
  return (await response.json()) as { valid: boolean; reason?: string };
}

async function inspect(page: Page, code: string) {
  await page.getByLabel('Billettkode').fill(code);
  await page.getByRole('button', { name: 'Kontroller billett' }).click();
  return page.getByTestId('verdict');
}

async function ticketCreatedBeforeMarch(baseURL: string, phone = randomMobile()) {
  await setClock(baseURL, '2027-01-15T10:00:00+01:00');
  return { ...(await approvedTicketPath(baseURL, phone)), phone };
}

test.describe('device-bound ticket wallet and inspection (issues 5 and 13)', () => {
  test.afterAll(async ({ baseURL }) => {
    const anonymous = await playwrightRequest.newContext({ baseURL });
    await anonymous.delete('/api/dev/clock');
    await anonymous.dispose();
  });

  test('bind on first open → valid QR above the fold → a screenshot verifies now and is stale after the window → works offline', async ({
    page,
    browser,
    context,
    baseURL,
    request,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 390, height: 844 });
    const { path } = await ticketCreatedBeforeMarch(baseURL as string);

    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Starter 1. mars 2027' })).toBeVisible();
    await expect(page.getByText('Nora Reisende')).toBeVisible();
    await expect(page.getByText('Kristiansand, Vennesla')).toBeVisible();
    await expect(page.getByTestId('ticket-number')).toHaveText(/^[0-9A-Z*~$=]{9}$/);
    await expect(page.getByRole('img', { name: /QR-kode/ })).toHaveCount(0);
    await expectNoA11yViolations(page);

    await setClock(baseURL as string, '2027-03-01T00:00:05+01:00');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Gyldig billett' })).toBeVisible();
    const qr = page.getByRole('img', { name: 'QR-kode for billettkontroll, billett for Nora Reisende' });
    await expect(qr).toBeVisible();
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 320, height: 568 },
    ]) {
      await page.setViewportSize(viewport);
      const box = await qr.boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(viewport.height);
      expect(Number(await qr.getAttribute('data-version'))).toBeLessThanOrEqual(15);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    // The live check: the clock ticks (Oslo time, a few seconds after midnight on 1 March).
    const clock = page.getByRole('timer', { name: 'Klokken nå' });
    await expect(clock).toHaveText(/^00:0\d:\d\d$/);
    await expectNoA11yViolations(page);

    // The QR read back from a screenshot: valid now; the code is redrawn; the same picture goes stale.
    const code = await qrFromScreen(page);
    expect(code).toMatch(/^BB1:/);
    expect(await verifyOnline(request, code)).toMatchObject({ valid: true });
    await expect.poll(() => qrFromScreen(page), { timeout: 15_000 }).not.toBe(code);

    // The inspector on its own device (Playwright's clock is per browser context).
    const inspectorContext = await browser.newContext();
    const inspector = await inspectorContext.newPage();
    await inspector.clock.install();
    await inspector.goto('/kontroll');
    await expect(inspector.getByTestId('data-age')).toBeVisible();
    const valid = await inspect(inspector, code);
    await expect(valid.getByRole('heading', { name: 'Gyldig billett' })).toBeVisible();
    await expect(valid.getByText('Nora Reisende')).toBeVisible();
    await expect(valid.getByText('Kristiansand, Vennesla')).toBeVisible();
    await expectNoA11yViolations(inspector);
    await valid.getByRole('button', { name: 'Kontroller neste' }).click();
    await inspector.clock.fastForward('01:05');
    await inspectorContext.setOffline(true);
    const stale = await inspect(inspector, code);
    await expect(stale.getByRole('heading', { name: 'Ugyldig billett' })).toBeVisible();
    await expect(stale.getByText(/Koden er for gammel/)).toBeVisible();
    await expect(stale.getByText(/Kontrollert uten nett/)).toBeVisible();
    await inspectorContext.close();

    // The ticket is saved on the device: offline it opens from the saved copy, QR and all.
    await context.setOffline(true);
    await page.getByRole('link', { name: 'Alle billetter på denne enheten' }).click();
    await page.getByRole('link', { name: 'Nora Reisende – Lommebok AS' }).click();
    await expect(page.getByText(/Du er uten nett/)).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Gyldig billett' })).toBeVisible();
    const offlineCode = await qrFromScreen(page);
    await context.setOffline(false);
    const offlineVerdict = await verifyOnline(request, offlineCode);
    expect(offlineVerdict.valid, JSON.stringify(offlineVerdict)).toBe(true);
  });

  test('a second browser is refused, moves the ticket with the SMS code; the first then gets no code', async ({
    page,
    browser,
    baseURL,
    request,
  }) => {
    test.setTimeout(180_000);
    const { path, phone } = await ticketCreatedBeforeMarch(baseURL as string);
    await setClock(baseURL as string, '2027-03-02T08:00:00+01:00');
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Gyldig billett' })).toBeVisible();
    const firstCode = await qrFromScreen(page);

    const other = await browser.newContext();
    const second = await other.newPage();
    await second.goto(path);
    await expect(
      second.getByRole('heading', { name: 'Billetten er aktivert på en annen enhet' }),
    ).toBeVisible();
    await expect(second.getByTestId('ticket-qr')).toHaveCount(0);
    // Nor its number: another browser with the link is nothing an inspector could check.
    await expect(second.getByTestId('ticket-number')).toHaveCount(0);
    await expectNoA11yViolations(second);
    await second.getByRole('button', { name: 'Flytt billetten hit' }).click();
    const sms = await pathInOutbox(request, phone, /^\d{6}/);
    await second.getByLabel('Kode fra SMS').fill(sms);
    await second.getByRole('button', { name: 'Bekreft og flytt' }).click();
    await expect(second.getByRole('heading', { level: 1, name: 'Gyldig billett' })).toBeVisible();
    expect(await verifyOnline(request, await qrFromScreen(second))).toMatchObject({ valid: true });
    await pathInOutbox(request, phone, /flyttet til en annen enhet/);

    // Issue 13, M4: the first phone, still open, checks again when shown and says the ticket moved.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
    await expect(
      page.getByRole('heading', { level: 1, name: 'Billetten er flyttet til en annen enhet' }),
    ).toBeVisible();
    await expect(page.getByTestId('ticket-qr')).toHaveCount(0);
    await expect(page.getByText('Gyldig', { exact: true })).toHaveCount(0);
    await expect(page.getByText('Ikke på denne enheten', { exact: true })).toBeVisible();

    await page.reload();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Billetten er flyttet til en annen enhet' }),
    ).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'Billetten er aktivert på en annen enhet' }),
    ).toBeVisible();
    await expect(page.getByTestId('ticket-qr')).toHaveCount(0);
    expect(await verifyOnline(request, firstCode)).toMatchObject({ valid: false });
    await page.getByRole('button', { name: 'English' }).click();
    await expect(
      page.getByRole('heading', { name: 'The ticket is activated on another device' }),
    ).toBeVisible();
    await expectNoA11yViolations(page);
    await other.close();
  });

  test('issue 13, H3: a phone whose clock is 3 minutes behind activates and shows a QR that verifies (server time, DPoP nonce)', async ({
    page,
    baseURL,
    request,
  }) => {
    test.setTimeout(180_000);
    const { path } = await ticketCreatedBeforeMarch(baseURL as string);
    await setClock(baseURL as string, '2027-03-02T08:00:00+01:00');
    const serverNow = Date.parse(
      ((await (await request.get('/api/dev/clock')).json()) as { now: string }).now,
    );
    // As in production: no development clock to follow, only the API's answers.
    await page.route('**/api/dev/clock', (route) => route.fulfill({ status: 404, body: '' }));
    await page.clock.install({ time: new Date(serverNow - 180_000) });
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Gyldig billett' })).toBeVisible();
    const code = await qrFromScreen(page);
    const verdict = await verifyOnline(request, code);
    expect(verdict, JSON.stringify(verdict)).toMatchObject({ valid: true });
    // The live check shows the server's time, not the phone's (07:57).
    await expect(page.getByRole('timer', { name: 'Klokken nå' })).toHaveText(/^08:0\d:\d\d$/);
  });

  test('issue 13, M1: the inspection page fetches the list again every ttl; offline past its exp a good code cannot be decided, never valid', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const { path } = await ticketCreatedBeforeMarch(baseURL as string);
    await setClock(baseURL as string, '2027-03-03T08:00:00+01:00');
    const inspectorContext = await browser.newContext();
    const inspector = await inspectorContext.newPage();
    let listFetches = 0;
    inspector.on('request', (r) => {
      if (r.url().endsWith('/api/inspection/offline-data')) listFetches += 1;
    });
    await inspector.clock.install();
    await inspector.goto('/kontroll');
    await expect(inspector.getByTestId('data-age')).toBeVisible();
    await expect.poll(() => listFetches).toBe(1);
    const serverTime = async () =>
      Date.parse(((await (await page.request.get('/api/dev/clock')).json()) as { now: string }).now);
    const [serverAtStart, inspectorAtStart] = [
      await serverTime(),
      await inspector.evaluate(() => Date.now()),
    ];
    await inspector.clock.fastForward('05:01');
    await expect.poll(() => listFetches).toBe(2);

    await inspectorContext.setOffline(true);
    await inspector.clock.fastForward('24:00:00');
    await expect(inspector.getByTestId('list-too-old')).toBeVisible();
    // The phone, a day later by the inspector's clock, shows a fresh code (the next day's credential).
    const inspectorNow = await inspector.evaluate(() => Date.now());
    await setClock(
      baseURL as string,
      new Date(serverAtStart + (inspectorNow - inspectorAtStart)).toISOString(),
    );
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Gyldig billett' })).toBeVisible();
    const verdict = await inspect(inspector, await qrFromScreen(page));
    await expect(verdict.getByRole('heading', { name: 'Kan ikke avgjøres uten nett' })).toBeVisible();
    await expect(verdict.getByText(/for gammel til å vite om billetten er trukket tilbake/)).toBeVisible();
    await expect(verdict.getByRole('heading', { name: 'Gyldig billett' })).toHaveCount(0);
    await expectNoA11yViolations(inspector);
    await inspectorContext.close();
  });

  test('an ended ticket fails offline inspection with the revocation list cached after it ended', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const { path, end } = await ticketCreatedBeforeMarch(baseURL as string);
    await setClock(baseURL as string, '2027-03-03T08:00:00+01:00');
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Gyldig billett' })).toBeVisible();
    await page.context().setOffline(true);
    await end();

    const inspectorContext = await browser.newContext();
    const inspector = await inspectorContext.newPage();
    await inspector.goto('/kontroll');
    await expect(inspector.getByTestId('data-age')).toBeVisible();
    await inspectorContext.setOffline(true);
    // The phone is offline too and still shows the ticket it kept; its fresh code is refused.
    const verdict = await inspect(inspector, await qrFromScreen(page));
    await expect(verdict.getByRole('heading', { name: 'Ugyldig billett' })).toBeVisible();
    await expect(verdict.getByText(/trukket tilbake/)).toBeVisible();
    await expect(verdict.getByText(/Kontrollert uten nett.*tilbaketrekkingsliste utstedt/)).toBeVisible();
    await inspectorContext.close();
    await page.context().setOffline(false);
  });

  test('the inspector scans the wallet QR from a camera (fake video stream) without BarcodeDetector', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const { path } = await ticketCreatedBeforeMarch(baseURL as string);
    await setClock(baseURL as string, '2027-03-04T08:00:00+01:00');
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Gyldig billett' })).toBeVisible();
    const video = join(tmpdir(), `wallet-qr-${Date.now()}.y4m`);
    writeQrVideo(video, await qrFromScreen(page));

    const camera = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    const inspector = await (await camera.newContext({ baseURL, permissions: ['camera'] })).newPage();
    await inspector.goto('/kontroll');
    await inspector.getByRole('button', { name: 'Skann med kamera' }).click();
    const verdict = inspector.getByTestId('verdict');
    await expect(verdict.getByRole('heading', { name: 'Gyldig billett' })).toBeVisible({ timeout: 60_000 });
    await expect(verdict.getByText('Nora Reisende')).toBeVisible();
    await camera.close();
  });

  test('an inspector logs in, lands on /kontroll and types the ticket number: a wrong check character is told at the field, the right one gives the verdict', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const { path } = await ticketCreatedBeforeMarch(baseURL as string);
    await setClock(baseURL as string, '2027-03-05T09:00:00+01:00');
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Gyldig billett' })).toBeVisible();
    const number = (await page.getByTestId('ticket-number').textContent())?.trim() ?? '';
    expect(number).toMatch(/^[0-9A-Z*~$=]{9}$/);

    // The operator invites an inspector, who sets a password from the email's link.
    const operator = await playwrightRequest.newContext({ baseURL });
    const login = await post(operator, '/api/auth/login', OPERATOR);
    const email = `kontrollor-${Date.now()}@kollektiv.example`;
    await post(
      operator,
      '/api/operator/staff',
      { email, name: 'Kari Kontrollør', role: 'inspector' },
      login.csrfToken,
    );
    const invitation = await pathInOutbox(operator, email, /\/operator\/invitasjon\/[A-Za-z0-9_-]+/);
    const password = 'kontroll-passord-1234';
    await operator.dispose();
    const invited = await playwrightRequest.newContext({ baseURL });
    await post(invited, `/api/auth/invitations/${invitation.split('/').pop()}/accept`, { password });
    await invited.dispose();

    const inspectorContext = await browser.newContext();
    const inspector = await inspectorContext.newPage();
    await post(inspector.request, '/api/auth/login', { email, password });
    // The back office is not the inspector's: it sends them to ticket inspection.
    await inspector.goto('/operator/bedrifter');
    await expect(inspector).toHaveURL(/\/kontroll$/);
    await expect(inspector.getByTestId('data-age')).toBeVisible();
    const field = inspector.getByLabel('Billettnummer', { exact: true });
    const checks = '0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U';
    const wrong = number.slice(0, 8) + checks[(checks.indexOf(number[8] as string) + 1) % 37];
    await field.fill(wrong);
    await inspector.getByRole('button', { name: 'Slå opp billett' }).click();
    await expect(inspector.getByText(/Kontrolltegnet \(det siste tegnet\) stemmer ikke/)).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expectNoA11yViolations(inspector);

    await field.fill(`${number.slice(0, 4)}-${number.slice(4)}`.toLowerCase());
    await inspector.getByRole('button', { name: 'Slå opp billett' }).click();
    const verdict = inspector.getByTestId('verdict');
    await expect(verdict.getByRole('heading', { name: 'Gyldig billett' })).toBeVisible();
    await expect(verdict.getByText('Nora Reisende')).toBeVisible();
    await expect(verdict.getByText('Kristiansand, Vennesla')).toBeVisible();
    await expect(verdict.getByText(number)).toBeVisible();
    await expect(verdict.getByText('Sjekket mot tjenesten nå.')).toBeVisible();
    await expectNoA11yViolations(inspector);
    await verdict.getByRole('button', { name: 'Kontroller neste' }).click();

    await inspector.getByRole('button', { name: 'English' }).click();
    await inspector.getByLabel('Ticket number', { exact: true }).fill(wrong);
    await inspector.getByRole('button', { name: 'Look up ticket' }).click();
    await expect(inspector.getByText(/The check character \(the last one\) does not match/)).toBeVisible();
    await expectNoA11yViolations(inspector);
    await inspectorContext.close();
  });

  test('inspection by number needs an inspector login: a visitor is told so, with a link to log in', async ({
    page,
  }) => {
    await page.goto('/kontroll');
    await expect(page.getByRole('heading', { level: 2, name: 'Slå opp billettnummer' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Logg inn som kontrollør' })).toHaveAttribute(
      'href',
      '/operator/logg-inn',
    );
    await expect(page.getByLabel('Billettnummer', { exact: true })).toHaveCount(0);
    await expectNoA11yViolations(page);
  });

  test('the wallet list and inspection page are accessible when empty, in English too', async ({ page }) => {
    await page.goto('/billett');
    await expect(page.getByRole('heading', { level: 1, name: 'Mine billetter' })).toBeVisible();
    await expect(page.getByText(/Ingen billetter er lagret/)).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My tickets' })).toBeVisible();
    await page.goto('/kontroll');
    await expect(page.getByRole('heading', { level: 1, name: 'Ticket inspection' })).toBeVisible();
    await expectNoA11yViolations(page);
  });
});
