import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../src/adapters/clock';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/db/engine';
import { buildServer } from '../../src/http/server';
import { RecordingJobQueue } from '../../src/jobs/queue';
import { openTestDatabase } from '../support/engines';

describe('NODE_ENV=production (issue 2.3, 2.8)', () => {
  let database: Database;
  let server: Awaited<ReturnType<typeof buildServer>>;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: 'prod-test-1', alg: 'EdDSA' };
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      OPERATOR_PASSWORD: 'a-real-long-password',
      SESSION_SECRET: 'x'.repeat(40),
      PUBLIC_URL: 'https://billett.example.no',
      TICKET_SIGNING_KEYS: JSON.stringify([jwk]),
    });
    const clock = new AdjustableClock();
    const ctx = { database, db: database.db, clock, config, jobs: new RecordingJobQueue(), log: console };
    server = await buildServer(ctx, { devClock: clock, logger: false });
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
  });

  it('sends HSTS and a content security policy', async () => {
    const r = await server.inject({ method: 'GET', url: '/health' });
    expect(r.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(r.headers['content-security-policy']).toMatch(/default-src 'self'/);
  });
});
