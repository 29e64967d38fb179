import { createServer, type Server } from 'node:http';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';
import { randomOrgNumber } from './support/company-admin';

test.use({ serviceWorkers: 'block' });

const OPERATOR = { email: 'operator@example.no', password: 'operator-password-123' };
const PASSWORD = 'et langt og godt passord';
// The company's site and another site: one small server on this machine (E2E_PORT + 100) under two
// names, two origins. A site from the internet could not frame 127.0.0.1 at all (Chromium's
// local-network checks), so both are local.
const SITE_PORT = Number(process.env.E2E_PORT ?? '3210') + 100;
const ALLOWED = `http://127.0.0.1:${SITE_PORT}`;
const OTHER = `http://localhost:${SITE_PORT}`;

let site: Server;
let framed = '';
test.beforeAll(async () => {
  site = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><html lang="nb"><title>Bedriftens side</title><main><h1>Bedriftens side</h1><iframe title="Bestill" src="${framed}" width="600" height="600"></iframe></main></html>`,
    );
  });
  await new Promise<void>((resolve) => site.listen(SITE_PORT, '127.0.0.1', resolve));
});
test.afterAll(async () => {
  await new Promise((resolve) => site.close(resolve));
});

async function send(request: APIRequestContext, path: string, data: unknown) {
  const token = ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const response = await request.post(path, { data, headers: { 'X-CSRF-Token': token } });
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBeTruthy();
  return response.json();
}

/** A company whose admin is logged in in this page's browser. */
async function companyAdmin(page: Page, name: string) {
  const request = page.request;
  await send(request, '/api/auth/login', OPERATOR);
  const email = `widget-${Date.now()}@bedrift.example`;
  await send(request, '/api/operator/companies', {
    orgNumber: randomOrgNumber(),
    name,
    invoiceAddress: { street: 'Gata 1', postalCode: '4630', city: 'Kristiansand' },
    contact: { name: 'Kari Kontakt', email },
  });
  let token: string | undefined;
  await expect
    .poll(async () => {
      const r = await request.get(`/api/dev/outbox?to=${encodeURIComponent(email)}`);
      const { messages } = (await r.json()) as { messages: { body: string }[] };
      token = messages.map((m) => m.body.match(/\/bedrift\/invitasjon\/([A-Za-z0-9_-]+)/)?.[1]).find(Boolean);
      return token;
    })
    .toBeTruthy();
  await send(request, `/api/auth/invitations/${token}/accept`, { password: PASSWORD });
}

/** Opens the site's page at `origin`, which frames `src`. */
async function framingPage(page: Page, origin: string, src: string) {
  framed = src;
  await page.goto(`${origin}/ansatte`);
}

test('issue 12.8: the company admin allows its own site to show the order form; other sites cannot frame it', async ({
  page,
  baseURL,
}) => {
  const name = `Widgetbedrift ${Date.now()} AS`;
  await companyAdmin(page, name);

  await page.goto('/bedrift/innstillinger');
  const origins = page.getByLabel('Nettsteder som kan vise bestillingsskjemaet');
  await origins.fill(`${ALLOWED}/sider/bestill`);
  await page.getByRole('button', { name: 'Lagre innstillingene' }).click();
  await expect(page.getByText(/«widgetOrigins\.0» må være en nettadresse uten sti/).first()).toBeVisible();
  await origins.fill(ALLOWED);
  await page.getByRole('button', { name: 'Lagre innstillingene' }).click();
  await expect(page.getByText('Innstillingene er lagret.')).toBeVisible();
  await expectNoA11yViolations(page);

  const link = ((await (await page.request.get('/api/company/order-link')).json()) as { url: string }).url;
  const orderPath = new URL(link).pathname;
  const src = `${baseURL}${orderPath}`;

  await framingPage(page, ALLOWED, src);
  await expect(page.frameLocator('iframe').getByText(name)).toBeVisible();

  const blocked = page.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
  await framingPage(page, OTHER, src);
  await blocked;
  await expect(page.frameLocator('iframe').getByText(name)).toHaveCount(0);
});
