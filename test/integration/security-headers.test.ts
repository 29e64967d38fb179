import { expect, it } from 'vitest';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany } from '../support/factories';
import { OPERATOR } from '../support/test-app';

const frameAncestors = (csp: unknown) => /frame-ancestors ([^;]*)/.exec(String(csp))?.[1];

describeEachEngine('headers and methods (issue 12.8)', (app) => {
  it('every authenticated API answer and every download is Cache-Control: no-store', async () => {
    const { client: admin } = await createCompany(app());
    for (const url of [
      '/api/company/settings',
      '/api/company/dashboard',
      '/api/auth/me',
      '/api/company/order-link',
    ]) {
      const r = await admin.get(url);
      expect(r.status, url).toBe(200);
      expect(r.headers['cache-control'], url).toBe('no-store');
    }
    const poster = await admin.get('/api/company/order-link/poster.pdf');
    expect(poster.headers['content-disposition']).toBeDefined();
    expect(poster.headers['cache-control']).toBe('no-store');
    const operator = new TestClient(app().server);
    await operator.login(OPERATOR.email, OPERATOR.password);
    const exported = await operator.get('/api/operator/catalog/export');
    expect(exported.headers['cache-control']).toBe('no-store');
    // Token links are credentials too; a public key set may still be cached.
    expect(
      (await new TestClient(app().server).get('/api/tickets/no-such-token')).headers['cache-control'],
    ).toBe('no-store');
    expect(
      (await new TestClient(app().server).get('/.well-known/jwks.json')).headers['cache-control'],
    ).toMatch(/^public/);
  });

  it("no site may frame a page (frame-ancestors 'none') and no page leaks its URL as a referrer", async () => {
    for (const url of [
      '/health',
      '/api/catalog',
      '/bedrift',
      '/billett/abc',
      '/bedrift/invitasjon/abc',
      '/bestill/abc',
      '/api/docs',
      '/api/docs/',
      '/api/openapi.json',
    ]) {
      const r = await app().server.inject({ method: 'GET', url });
      expect(frameAncestors(r.headers['content-security-policy']), url).toBe("'none'");
      expect(r.headers['referrer-policy'], url).toBe('no-referrer');
    }
  });

  it('the order page may be framed by exactly the origins its company allows, validated as origins', async () => {
    const { company, client: admin } = await createCompany(app());
    const other = await createCompany(app());

    const bad = await admin.patch('/api/company/settings', {
      widgetOrigins: ['https://www.bedrift.example', 'https://www.bedrift.example/side'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.details[0].path).toBe('body.widgetOrigins.1');
    expect(bad.body.error.message).toContain('widgetOrigins.1');
    expect(bad.body.error.message).toMatch(/nettadresse/);
    const english = new TestClient(app().server, 'en');
    for (const [name, value] of admin.cookieJar) english.cookieJar.set(name, value);
    const badEn = await english.patch('/api/company/settings', { widgetOrigins: ["'self'"] });
    expect(badEn.body.error.message).toMatch(/web address/);

    const ok = await admin.patch('/api/company/settings', {
      widgetOrigins: ['HTTPS://WWW.Bedrift.example/', 'https://intra.bedrift.example:8443'],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.widgetOrigins).toEqual([
      'https://www.bedrift.example',
      'https://intra.bedrift.example:8443',
    ]);

    const page = await app().server.inject({ method: 'GET', url: `/bestill/${company.orderToken}` });
    expect(frameAncestors(page.headers['content-security-policy'])).toBe(
      'https://www.bedrift.example https://intra.bedrift.example:8443',
    );
    // Only the order page: the company's other pages and other companies' links stay unframeable.
    const api = await app().server.inject({ method: 'GET', url: `/api/order/${company.orderToken}` });
    expect(frameAncestors(api.headers['content-security-policy'])).toBe("'none'");
    const otherPage = await app().server.inject({
      method: 'GET',
      url: `/bestill/${other.company.orderToken}`,
    });
    expect(frameAncestors(otherPage.headers['content-security-policy'])).toBe("'none'");
    // A rotated link frames nowhere.
    expect((await admin.post('/api/company/order-link/rotate')).status).toBe(200);
    const old = await app().server.inject({ method: 'GET', url: `/bestill/${company.orderToken}` });
    expect(frameAncestors(old.headers['content-security-policy'])).toBe("'none'");
  });
});
