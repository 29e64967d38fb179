import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';

const OPERATOR = { email: 'operator@example.no', password: 'operator-password-123' };

/** Through a request context of its own: the browser's session cookie would need a CSRF token. */
async function setClock(request: APIRequestContext, now: string) {
  const r = await request.put('/api/dev/clock', { data: { now } });
  expect(r.ok()).toBe(true);
}

async function logIn(page: Page) {
  await page.goto('/operator');
  await expect(page).toHaveURL(/\/operator\/logg-inn$/);
  await page.getByLabel('E-post').fill(OPERATOR.email);
  await page.getByLabel('Passord').fill(OPERATOR.password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Oversikt' })).toBeVisible();
}

test.describe('operator back office (issue 7)', () => {
  // The catalog page is long (25 zones, every price version): axe needs time on it.
  test.describe.configure({ timeout: 180_000 });

  test.afterAll(async ({ request }) => {
    await request.delete('/api/dev/clock');
  });

  test('enter a price version, preview it, see it take effect on its date; a bad import names the row', async ({
    page,
    request,
  }) => {
    await setClock(request, '2027-01-15T10:00:00+01:00');
    await page.goto('/operator');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Administrasjon for kollektivselskapet' }),
    ).toBeVisible();
    await expectNoA11yViolations(page);
    await logIn(page);
    await expectNoA11yViolations(page);

    const nav = page.getByRole('navigation', { name: 'Administrasjon' });
    await nav.getByRole('link', { name: 'Takster' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Takster' })).toBeVisible();
    await expect(page.getByText('Dette er eksempeldata')).toBeVisible();
    await expectNoA11yViolations(page);

    await page.getByLabel('Gjelder fra').fill('2027-03-01');
    await page.getByRole('textbox', { name: 'Voksen, 1 sone', exact: true }).fill('900');
    await page.getByRole('button', { name: 'Forhåndsvis', exact: true }).click();
    const preview = page.getByRole('status').filter({ hasText: 'Forhåndsvisning' });
    // Other specs share this server, so the counts depend on what ran before.
    await expect(preview).toContainText(/Endringen gjelder \d+ abonnementer hos \d+ bedrifter\./);
    await expectNoA11yViolations(page);
    await page.getByRole('button', { name: 'Lagre prisversjonen' }).click();
    await expect(page.getByText('Prisversjonen er lagret.')).toBeVisible();
    await expect(page.getByText('Dette er eksempeldata')).toHaveCount(0);
    await expect(page.getByTestId('current-voksen-1')).toContainText('790,00');

    // Past the date: the new price is in force (staff sessions time out, so log in again).
    await setClock(request, '2027-03-01T08:00:00+01:00');
    const catalog = await (await page.request.get('/api/catalog')).json();
    expect(catalog.prices).toContainEqual({
      categoryId: 'voksen',
      zoneCount: 1,
      monthlyPriceOre: 90_000,
      validFrom: '2027-03-01',
    });
    await logIn(page);
    await page
      .getByRole('navigation', { name: 'Administrasjon' })
      .getByRole('link', { name: 'Takster' })
      .click();
    await expect(page.getByTestId('current-voksen-1')).toContainText('900,00');
    await expect(page.getByTestId('current-barn-1')).toContainText('407,00');

    // A catalog file with an error: nothing is imported and the row is named.
    const areas = 'area_id,area_name\nkristiansand,Kristiansand\n';
    const riders = 'rider_category_id,rider_category_name\nvoksen,Voksen\n';
    const products = [
      'fare_product_id,rider_category_id,amount,currency,zone_count,valid_from',
      'v1,voksen,820,NOK,1,2026-02-01',
      'v2,voksen,tusen,NOK,2,2026-02-01',
      'v3,voksen,1440,NOK,3,2026-02-01',
    ].join('\n');
    const file = (name: string, text: string) => ({
      name,
      mimeType: 'text/plain',
      buffer: Buffer.from(text),
    });
    await page.getByLabel('areas.txt').setInputFiles(file('areas.txt', areas));
    await page.getByLabel('rider_categories.txt').setInputFiles(file('rider_categories.txt', riders));
    await page.getByLabel('fare_products.txt').setInputFiles(file('fare_products.txt', products));
    await page.getByRole('button', { name: 'Forhåndsvis importen' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Ingenting er importert' });
    await expect(alert).toContainText(
      'fare_products.txt, rad 3, kolonne amount: ikke et gyldig kronebeløp (tusen)',
    );
    await expect(page.getByRole('button', { name: 'Importer', exact: true })).toHaveCount(0);
    await expectNoA11yViolations(page);
    await expect(page.getByTestId('current-voksen-1')).toContainText('900,00');

    // Issue 14: a valid import is previewed first (encoding read, what is deactivated), and
    // written only when the operator confirms.
    const exported = await (await page.request.get('/api/operator/catalog/export')).json();
    const withoutValle = (exported['areas.txt'] as string)
      .split('\r\n')
      .filter((l) => !l.startsWith('valle,'))
      .join('\r\n');
    const latin1 = (name: string, text: string) => ({
      name,
      mimeType: 'text/plain',
      buffer: Buffer.from(text, 'latin1'),
    });
    await page.getByLabel('areas.txt').setInputFiles(latin1('areas.txt', withoutValle));
    await page
      .getByLabel('rider_categories.txt')
      .setInputFiles(file('rider_categories.txt', exported['rider_categories.txt']));
    await page
      .getByLabel('fare_products.txt')
      .setInputFiles(file('fare_products.txt', exported['fare_products.txt']));
    await page.getByRole('button', { name: 'Forhåndsvis importen' }).click();
    await expect(
      page.getByRole('heading', { name: 'Forhåndsvisning: ingenting er importert ennå' }),
    ).toBeFocused();
    await expect(page.getByText('areas.txt: lest som Windows-1252')).toBeVisible();
    await expect(page.getByText('fare_products.txt: lest som UTF-8')).toBeVisible();
    await expect(page.getByText('Deaktiveres fordi de ikke er i filen (1): valle')).toBeVisible();
    await expectNoA11yViolations(page);
    const zoneActive = async (id: string) =>
      (await (await page.request.get('/api/catalog')).json()).zones.find((z: { id: string }) => z.id === id)
        .active;
    expect(await zoneActive('valle')).toBe(true);
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Importert:' })).toBeVisible();
    await expectNoA11yViolations(page);
    expect(await zoneActive('valle')).toBe(false);

    // Put valle back (other specs share this server): the full export, previewed and confirmed.
    await page.getByLabel('areas.txt').setInputFiles(file('areas.txt', exported['areas.txt']));
    await page.getByRole('button', { name: 'Forhåndsvis importen' }).click();
    await expect(page.getByText('Endret (1): valle')).toBeVisible();
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Importert:' })).toBeVisible();
    expect(await zoneActive('valle')).toBe(true);
  });

  test('ticket settings: moves per month and the freshness window; a value out of range is told at its field', async ({
    page,
    request,
  }) => {
    await setClock(request, '2027-01-20T10:00:00+01:00');
    await logIn(page);
    await page
      .getByRole('navigation', { name: 'Administrasjon' })
      .getByRole('link', { name: 'Billetter' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Billettinnstillinger' })).toBeVisible();
    const moves = page.getByLabel('Flyttinger per måned');
    const freshness = page.getByLabel('Friskhetsvindu i sekunder');
    await expect(moves).toHaveValue('3');
    await expect(freshness).toHaveValue('60');
    await expectNoA11yViolations(page);

    await freshness.fill('5');
    await page.getByRole('button', { name: 'Lagre innstillingene' }).click();
    await expect(page.getByText('Skriv et helt tall fra 15 til 300.')).toBeVisible();
    await expect(freshness).toHaveAttribute('aria-invalid', 'true');
    await expectNoA11yViolations(page);

    await moves.fill('2');
    await freshness.fill('45');
    await page.getByRole('button', { name: 'Lagre innstillingene' }).click();
    await expect(page.getByRole('status')).toHaveText('Innstillingene er lagret og gjelder nå.');
    await page.reload();
    await expect(moves).toHaveValue('2');
    await expect(freshness).toHaveValue('45');
    const offline = await request.get('/api/inspection/offline-data');
    expect((await offline.json()).freshnessSeconds).toBe(45);

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ticket settings' })).toBeVisible();
    await page.getByLabel('Moves per month').fill('3');
    await page.getByLabel('Freshness window in seconds').fill('60');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await expect(page.getByRole('status')).toHaveText('The settings are saved and apply now.');
    await expectNoA11yViolations(page);
  });

  test('every back-office page is keyboard-reachable and passes axe, in bokmål and English', async ({
    page,
    request,
  }) => {
    await setClock(request, '2027-01-20T10:00:00+01:00');
    await logIn(page);
    const pages: [string, string][] = [
      ['Bedrifter', 'Bedrifter'],
      ['Meldinger', 'Meldinger'],
      ['Billetter', 'Billettinnstillinger'],
      ['Ansatte', 'Ansatte'],
      ['Oversikt', 'Oversikt'],
    ];
    for (const [link, heading] of pages) {
      await page
        .getByRole('navigation', { name: 'Administrasjon' })
        .getByRole('link', { name: link })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.getByText('Laster')).toHaveCount(0);
      await expectNoA11yViolations(page);
    }
    await page.goto('/operator/bedrifter/ny');
    await expect(page.getByRole('heading', { level: 1, name: 'Registrer bedrift' })).toBeVisible();
    await page.getByLabel('Organisasjonsnummer').fill('974760674');
    await page.getByLabel('Bedriftens navn').fill('Feil Nummer AS');
    await page.getByLabel('Navn', { exact: true }).fill('Ola Kontakt');
    await page.getByLabel('E-post', { exact: true }).fill('ola@feil.example');
    await page.getByRole('button', { name: 'Registrer og send invitasjon' }).click();
    await expect(page.getByText('Organisasjonsnummeret er ikke gyldig.')).toBeVisible();
    await expectNoA11yViolations(page);

    await page.getByRole('button', { name: 'English' }).click();
    await page.goto('/operator/takster');
    await expect(page.getByRole('heading', { level: 1, name: 'Fares' })).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByRole('button', { name: 'Norsk' }).click();
  });

  test('register a company, see it in the list, and deactivate it after a confirmation that says what happens', async ({
    page,
    request,
  }) => {
    await setClock(request, '2027-01-20T10:00:00+01:00');
    await logIn(page);
    await page.goto('/operator/bedrifter/ny');
    await page.getByLabel('Organisasjonsnummer').fill('974 760 673');
    await page.getByLabel('Bedriftens navn').fill('Agder Testbedrift AS');
    await page.getByLabel('Gateadresse').fill('Tordenskjolds gate 9');
    await page.getByLabel('Postnummer').fill('4612');
    await page.getByLabel('Poststed').fill('Kristiansand');
    await page.getByLabel('Bestillerreferanse (EHF)').fill('PO-1234');
    await page.getByLabel('Navn', { exact: true }).fill('Kari Kontakt');
    await page.getByLabel('E-post', { exact: true }).fill('kari@agder-test.example');
    await page.getByRole('button', { name: 'Registrer og send invitasjon' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Agder Testbedrift AS' })).toBeVisible();
    await expect(page.getByText('invitert, har ikke laget passord ennå')).toBeVisible();
    await expectNoA11yViolations(page);

    await page.getByRole('button', { name: 'Deaktiver bedriften …' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Bestillingslenken slutter å virke med en gang.');
    await expect(dialog).toContainText('31. januar 2027');
    await expectNoA11yViolations(page);
    await dialog.getByRole('button', { name: 'Ja, deaktiver bedriften' }).click();
    await expect(page.getByText('Bedriften er deaktivert.')).toBeVisible();
    await page.goto('/operator/bedrifter');
    await page.getByRole('searchbox').fill('974760673');
    await expect(page.getByRole('row', { name: /Agder Testbedrift AS/ })).toContainText('Deaktivert');
    // Issue 14 item 10: the organisation number is shown grouped.
    await expect(page.getByRole('row', { name: /Agder Testbedrift AS/ })).toContainText('974 760 673');
  });
});
