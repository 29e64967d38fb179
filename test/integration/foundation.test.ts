import { expect, it } from 'vitest';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { OPERATOR } from '../support/test-app';

describeEachEngine('foundation (issue 2)', (app) => {
  it('GET /health answers ok when the database answers', async () => {
    const r = await new TestClient(app().server).get('/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok' });
  });

  it('GET /api/catalog lists the example zones, the five categories and prices with the 3-zone cap', async () => {
    const r = await new TestClient(app().server).get('/api/catalog');
    expect(r.status).toBe(200);
    expect(r.body.isExample).toBe(true);
    expect(r.body.maxPricedZones).toBe(3);
    expect(r.body.zones).toHaveLength(25);
    expect(r.body.categories.map((c: { id: string }) => c.id)).toEqual([
      'barn',
      'ungdom',
      'ung-voksen',
      'voksen',
      'honnor',
    ]);
    const zoneCounts = new Set(r.body.prices.map((p: { zoneCount: number }) => p.zoneCount));
    expect([...zoneCounts].sort()).toEqual([1, 2, 3]);
  });

  it('an unknown API route gets the contract error body and 404, in bokmål by default', async () => {
    const r = await new TestClient(app().server).get('/api/does-not-exist');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('ROUTE_NOT_FOUND');
    expect(r.body.error.message).toMatch(/finnes ikke/);
  });

  it('bad JSON is a 400 INVALID_JSON, in English when asked for', async () => {
    const client = new TestClient(app().server, 'en');
    const r = await client.request('POST', '/api/auth/login', '{not json', {
      'content-type': 'application/json',
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'INVALID_JSON', message: 'The request is not valid JSON.' });
  });

  it('wrong types are a 400 VALIDATION_FAILED naming the field', async () => {
    const r = await new TestClient(app().server).post('/api/auth/login', { email: 5 });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.details.map((d: { path: string }) => d.path)).toContain('body.email');
  });

  it('the operator logs in, sees itself at /api/auth/me, and logs out', async () => {
    const client = new TestClient(app().server);
    const login = await client.post('/api/auth/login', OPERATOR);
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ email: OPERATOR.email, role: 'operator' });
    expect((await client.get('/api/auth/me')).body.user.email).toBe(OPERATOR.email);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('a wrong password is 401, and repeated failures are throttled with 429', async () => {
    const client = new TestClient(app().server);
    const wrong = { email: 'throttle@example.no', password: 'wrong-password-xyz' };
    const first = await client.post('/api/auth/login', wrong);
    expect(first.status).toBe(401);
    for (let i = 0; i < 9; i++) await client.post('/api/auth/login', wrong);
    const locked = await client.post('/api/auth/login', wrong);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('a mutating request with a session cookie but no CSRF token is refused with 403', async () => {
    const client = new TestClient(app().server);
    await client.login(OPERATOR.email, OPERATOR.password);
    const cookie = [...client.cookieJar].map(([k, v]) => `${k}=${v}`).join('; ');
    const r = await app().server.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('CSRF_TOKEN_INVALID');
  });

  it('PUT /api/dev/clock moves the clock and DELETE resets it', async () => {
    const client = new TestClient(app().server);
    const set = await client.put('/api/dev/clock', { now: '2027-03-01T00:30:00+01:00' });
    expect(set.status).toBe(200);
    expect(app().clock.now().toISOString()).toMatch(/^2027-02-28T23:3/);
    expect((await client.delete('/api/dev/clock')).body.adjusted).toBe(false);
    app().setNow('2027-01-15T10:00:00+01:00');
  });

  it('OpenAPI 3.1 is served at /api/openapi.json', async () => {
    const r = await new TestClient(app().server).get('/api/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    expect(Object.keys(r.body.paths)).toContain('/api/catalog');
  });
});

describeEachEngine('framework errors keep the contract body (issue 2.8)', (app) => {
  it('a malformed URL and an over-long path segment are 4xx with the error body', async () => {
    const bad = await app().server.inject({ method: 'GET', url: '/api/tickets/%ZZ' });
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect(bad.statusCode).toBeLessThan(500);
    expect(bad.json().error.code).toBeTruthy();
    const long = await app().server.inject({ method: 'GET', url: `/api/tickets/${'a'.repeat(600)}` });
    expect(long.statusCode).toBeGreaterThanOrEqual(400);
    expect(long.statusCode).toBeLessThan(500);
    expect(long.json().error.code).toBeTruthy();
  });
});
