import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/each-engine';

const devRequests = [
  { method: 'GET' as const, url: '/api/dev/outbox?to=operator@example.no' },
  { method: 'GET' as const, url: '/api/dev/clock' },
  { method: 'PUT' as const, url: '/api/dev/clock', payload: { now: '2030-01-01T00:00:00Z' } },
  { method: 'DELETE' as const, url: '/api/dev/clock' },
];

describeEachEngine(
  'development routes answer only loopback callers (issue 12.5)',
  (app) => {
    it('from another host every /api/dev route is 404 and the clock does not move', async () => {
      const before = app().clock.now().getTime();
      for (const request of devRequests) {
        const r = await app().server.inject({ ...request, remoteAddress: '192.168.1.50' });
        expect(r.statusCode, `${request.method} ${request.url}`).toBe(404);
        expect(r.json().error.code).toBe('ROUTE_NOT_FOUND');
      }
      expect(Math.abs(app().clock.now().getTime() - before)).toBeLessThan(60_000);
    });

    it('a header claiming loopback does not help, even with every proxy trusted: the socket address decides', async () => {
      for (const header of ['x-forwarded-for', 'x-real-ip', 'forwarded']) {
        const r = await app().server.inject({
          method: 'GET',
          url: '/api/dev/outbox',
          remoteAddress: '203.0.113.5',
          headers: { [header]: header === 'forwarded' ? 'for=127.0.0.1' : '127.0.0.1' },
        });
        expect(r.statusCode, header).toBe(404);
      }
    });

    it('loopback callers (IPv4, IPv6, IPv4-mapped IPv6) reach them', async () => {
      for (const remoteAddress of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) {
        const r = await app().server.inject({ method: 'GET', url: '/api/dev/clock', remoteAddress });
        expect(r.statusCode, remoteAddress).toBe(200);
      }
    });
  },
  { env: { TRUST_PROXY: 'true' } },
);
