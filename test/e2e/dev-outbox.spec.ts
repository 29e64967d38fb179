import { expect, test } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';

const messages = [
  {
    channel: 'sms',
    to: '+4791234567',
    body: 'Billetten din er klar: http://127.0.0.1/billett/tok123',
    createdAt: '2027-01-15T10:00:00+01:00',
  },
  {
    channel: 'email',
    to: 'kari@example.no',
    subject: 'Invitasjon',
    body: 'Godta invitasjonen: http://127.0.0.1/bedrift/invitasjon/inv1',
    createdAt: '2027-01-15T11:00:00+01:00',
  },
];

test.use({ serviceWorkers: 'block' });

test('the dev outbox lists messages newest first, filters and links', async ({ page }) => {
  await page.route('**/api/dev/outbox*', (route) => route.fulfill({ json: { messages } }));
  await page.goto('/dev/meldinger');
  const cards = page.getByRole('heading', { level: 2 });
  await expect(cards).toHaveCount(2);
  await expect(cards.first()).toContainText('kari@example.no');
  await expect(page.getByRole('link', { name: 'http://127.0.0.1/billett/tok123' })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByLabel('Filtrer på mottaker').fill('9123');
  await expect(cards).toHaveCount(1);
  await expect(page.getByText('1 melding', { exact: true })).toBeVisible();
});

test('the dev outbox says so when the endpoint is absent', async ({ page }) => {
  await page.route('**/api/dev/outbox*', (route) =>
    route.fulfill({ status: 404, json: { error: { code: 'NOT_FOUND', message: 'Not found' } } }),
  );
  await page.goto('/dev/meldinger');
  await expect(page.getByText('Meldingsoversikten finnes bare i utviklingsmodus.')).toBeVisible();
});
