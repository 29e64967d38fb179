import { expect, test } from '@playwright/test';
import { expectNoA11yViolations } from './support/a11y';

test.describe('web shell', () => {
  test('landing page in bokmål and English, accessible', async ({ page }) => {
    await page.goto('/');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Kollektivbillett gjennom jobben' }),
    ).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
    await expect(page).toHaveTitle(/Bedriftsbillett/);
    await expectNoA11yViolations(page);

    await page.getByRole('button', { name: 'English' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Public transport through your employer' }),
    ).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoA11yViolations(page);

    await page.reload();
    await expect(page.getByRole('button', { name: 'Norsk' })).toBeVisible();
  });

  test('skip link is the first stop for the keyboard and moves to main', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Hopp til hovedinnhold' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
    await expect(page.locator('main#main')).toBeFocused();
  });

  test('unknown paths show the not-found page', async ({ page }) => {
    await page.goto('/finnes-ikke');
    await expect(page.getByRole('heading', { level: 1, name: 'Fant ikke siden' })).toBeVisible();
    await page.goto('/operator/finnes-ikke');
    await expect(page.getByRole('heading', { level: 1, name: 'Fant ikke siden' })).toBeVisible();
    await page.getByRole('link', { name: 'Gå til forsiden' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Kollektivbillett gjennom jobben' }),
    ).toBeVisible();
  });

  // Issue 17 item 6: a page fetches only its own surface's texts, only in the language shown,
  // and switching language fetches the other language's without a reload or a flash of keys.
  test('the inspector fetches only its own texts in the chosen language', async ({ page }) => {
    const texts: string[] = [];
    page.on('request', (r) => {
      const name = /\/assets\/texts-(\w+-\w+)-[\w-]+\.js$/.exec(new URL(r.url()).pathname)?.[1];
      if (name) texts.push(name);
    });
    await page.goto('/kontroll');
    await expect(page.getByRole('heading', { level: 1, name: 'Billettkontroll' })).toBeVisible();
    expect(texts.sort()).toEqual(['nb-common', 'nb-inspect']);

    const loads = await page.evaluate(() => performance.getEntriesByType('navigation').length);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ticket inspection' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(texts.sort()).toEqual(['en-common', 'en-inspect', 'nb-common', 'nb-inspect']);
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(loads);
  });

  test('index.html shows a loading state in bokmål before the app starts', async ({ page }) => {
    await page.route('**/assets/index-*.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: '' }),
    );
    await page.goto('/billett');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
    await expect(page.getByRole('status')).toContainText('Laster');
    await expectNoA11yViolations(page);
  });

  test('each surface has its page', async ({ page }) => {
    const surfaces: [string, string][] = [
      ['/operator', 'Administrasjon for kollektivselskapet'],
      ['/bedrift', 'Bedriftsportalen'],
      ['/bestill/abc123', 'Lenken virker ikke'],
      ['/billett', 'Mine billetter'],
      ['/kontroll', 'Billettkontroll'],
      ['/dev/meldinger', 'Sendte meldinger (utvikling)'],
    ];
    for (const [path, heading] of surfaces) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    }
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('landing page is accessible', async ({ page }) => {
    await page.goto('/');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Kollektivbillett gjennom jobben' }),
    ).toBeVisible();
    await expectNoA11yViolations(page);
  });
});
