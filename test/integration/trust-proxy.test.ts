import { like } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { OTP_SEND_LIMITS } from '../../src/app/employee/request-login-code';
import { rateLimitEvents } from '../../src/db/schema';
import { describeEachEngine } from '../support/each-engine';
import { mobile } from '../support/factories';
import type { TestApp } from '../support/test-app';
import { orderingCompany } from './employee-support';

/** Asks for a login code for a fresh number from `peer` (the socket address), claiming `forwardedFor`. */
function sendCode(app: TestApp, orderToken: string, peer: string, forwardedFor: string) {
  return app.server.inject({
    method: 'POST',
    url: `/api/order/${orderToken}/otp`,
    remoteAddress: peer,
    headers: { 'x-forwarded-for': forwardedFor, 'accept-language': 'nb' },
    payload: { phone: mobile() },
  });
}

/** Sends one more than the per-address limit, each with another spoofed address; the statuses. */
async function sendPastTheLimit(app: TestApp, peer: string, spoofPrefix: string) {
  const { company } = await orderingCompany(app);
  const statuses: number[] = [];
  for (let i = 1; i <= OTP_SEND_LIMITS.perIpPerHour + 1; i++) {
    statuses.push((await sendCode(app, company.orderToken, peer, `${spoofPrefix}.${i}`)).statusCode);
  }
  return statuses;
}

async function countedAddresses(app: TestApp): Promise<Set<string>> {
  const rows = await app.ctx.db
    .select({ key: rateLimitEvents.key })
    .from(rateLimitEvents)
    .where(like(rateLimitEvents.key, 'otp-send:ip:%'));
  return new Set(rows.map((r) => r.key.slice('otp-send:ip:'.length)));
}

describeEachEngine(
  'TRUST_PROXY unset: X-Forwarded-For from any peer changes nothing (issue 12.3)',
  (app) => {
    it('25 codes to new numbers, each with another X-Forwarded-For: the per-address limit still applies', async () => {
      const statuses = await sendPastTheLimit(app(), '127.0.0.1', '203.0.113');
      expect(statuses.slice(0, OTP_SEND_LIMITS.perIpPerHour).every((s) => s === 202)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
      expect(await countedAddresses(app())).toEqual(new Set(['127.0.0.1']));
    });
  },
  { env: { TRUST_PROXY: '' } },
);

describeEachEngine(
  'TRUST_PROXY=10.0.0.0/8: only the trusted proxy names the client (issue 12.3)',
  (app) => {
    it('through the trusted proxy each client address has its own limit', async () => {
      const statuses = await sendPastTheLimit(app(), '10.1.2.3', '198.51.100');
      expect(statuses.every((s) => s === 202)).toBe(true);
      const counted = await countedAddresses(app());
      expect(counted.has('198.51.100.1')).toBe(true);
      expect(counted.has('10.1.2.3')).toBe(false);
    });

    it('an untrusted peer that spoofs X-Forwarded-For is still limited by its own address', async () => {
      const statuses = await sendPastTheLimit(app(), '192.0.2.44', '198.51.101');
      expect(statuses.at(-1)).toBe(429);
      const counted = await countedAddresses(app());
      expect(counted.has('192.0.2.44')).toBe(true);
      expect(counted.has('198.51.101.1')).toBe(false);
    });
  },
  { env: { TRUST_PROXY: '10.0.0.0/8' } },
);
