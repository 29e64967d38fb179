import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../src/adapters/clock';
import { createMetrics } from '../../src/adapters/metrics';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/db/engine';
import { ensureOperator } from '../../src/db/seed';
import { buildServer } from '../../src/http/server';
import { RecordingJobQueue } from '../../src/jobs/queue';
import { openTestDatabase, testEngines } from '../support/engines';

const OPERATOR = { email: 'drift@kollektiv.example', password: 'a-real-long-password' };

for (const engine of testEngines())
  describe(`NODE_ENV=production (issue 2.3, 2.8, 12.5) [${engine}]`, () => {
    let database: Database;
    let server: Awaited<ReturnType<typeof buildServer>>;

    beforeAll(async () => {
      database = await openTestDatabase(engine);
      const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
      const jwk = { ...(await exportJWK(privateKey)), kid: 'prod-test-1', alg: 'EdDSA' };
      const config = loadConfig({
        NODE_ENV: 'production',
        LOG_LEVEL: 'silent',
        OPERATOR_EMAIL: OPERATOR.email,
        OPERATOR_PASSWORD: OPERATOR.password,
        SESSION_SECRET: 'x'.repeat(40),
        PUBLIC_URL: 'https://billett.example.no',
        TICKET_SIGNING_KEYS: JSON.stringify([jwk]),
        METRICS_TOKEN: 'metrics-token-for-the-test',
        SMS_TRANSPORT: 'outbox',
        EMAIL_TRANSPORT: 'outbox',
      });
      const clock = new AdjustableClock();
      const ctx = {
        database,
        db: database.db,
        clock,
        config,
        jobs: new RecordingJobQueue(),
        log: console,
        metrics: createMetrics(),
      };
      await ensureOperator(database.db, OPERATOR.email, OPERATOR.password);
      // A web build of one page, so the client routes are served as in production.
      const webDir = mkdtempSync(path.join(tmpdir(), 'bb-web-'));
      writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Bedriftsbillett</title>');
      server = await buildServer(ctx, { devClock: clock, logger: false, webDir });
    });
    afterAll(async () => {
      await server.close();
      await database.close();
    });

    it('hides the development routes (404)', async () => {
      for (const url of ['/api/dev/outbox', '/api/dev/clock']) {
        const r = await server.inject({ method: 'GET', url });
        expect(r.statusCode).toBe(404);
      }
      const put = await server.inject({
        method: 'PUT',
        url: '/api/dev/clock',
        payload: { now: '2027-01-01T00:00:00Z' },
      });
      expect(put.statusCode).toBe(404);
      // The development pages are not served either; the app's own pages are.
      for (const url of ['/dev/meldinger', '/dev', '/dev/meldinger?to=x']) {
        expect((await server.inject({ method: 'GET', url })).statusCode, url).toBe(404);
      }
      const page = await server.inject({ method: 'GET', url: '/bedrift' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>Bedriftsbillett</title>');
      expect((await server.inject({ method: 'GET', url: '/devices' })).statusCode).toBe(200);
    });

    it('sends HSTS and a content security policy', async () => {
      const r = await server.inject({ method: 'GET', url: '/health' });
      expect(r.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(r.headers['content-security-policy']).toMatch(/default-src 'self'/);
    });

    it('issue 12.5: the session and CSRF cookies carry the __Host- prefix: Secure, Path=/, no Domain', async () => {
      const csrf = await server.inject({ method: 'GET', url: '/api/auth/csrf' });
      const csrfCookie = String(csrf.headers['set-cookie']);
      expect(csrfCookie).toMatch(/^__Host-bb_csrf=/);
      const token = (csrf.json() as { token: string }).token;
      const csrfPair = csrfCookie.split(';')[0]!;

      const login = await server.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { cookie: csrfPair, 'x-csrf-token': token },
        payload: OPERATOR,
      });
      expect(login.statusCode).toBe(200);
      const sessionCookie = [login.headers['set-cookie']]
        .flat()
        .map(String)
        .find((c) => c.includes('bb_session'))!;
      expect(sessionCookie).toMatch(/^__Host-bb_session=/);
      expect(sessionCookie).toMatch(/; Secure/i);
      expect(sessionCookie).toMatch(/; Path=\/(;|$)/);
      expect(sessionCookie).not.toMatch(/Domain=/i);

      const value = sessionCookie.split(';')[0]!.split('=')[1]!;
      const me = await server.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { cookie: `__Host-bb_session=${value}` },
      });
      expect(me.statusCode).toBe(200);
      // The unprefixed name (settable by a sibling subdomain over plain HTTP) is not a session.
      const plain = await server.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { cookie: `bb_session=${value}` },
      });
      expect(plain.statusCode).toBe(401);
    });
  });
