import { expect, it } from 'vitest';
import { INSPECTION_VERIFY_LIMIT } from '../../src/app/tickets/verify-credential';
import { describeEachEngine } from '../support/each-engine';

/** Issue 13, L10 (hostile check): the public verification is rate limited per client address. */
describeEachEngine('inspection verification rate limit (issue 13, L10)', (app) => {
  const verify = (remoteAddress: string) =>
    app().server.inject({
      method: 'POST',
      url: '/api/inspection/verify',
      payload: { code: 'BB1:GARBAGE' },
      remoteAddress,
    });

  it('an address gets INSPECTION_VERIFY_LIMIT verifications a minute, then 429 with Retry-After; another address is not held up', async () => {
    app().setNow('2027-03-05T12:00:00+01:00');
    for (let i = 0; i < INSPECTION_VERIFY_LIMIT.limit; i++) {
      expect((await verify('203.0.113.7')).statusCode).toBe(200);
    }
    const refused = await verify('203.0.113.7');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await verify('203.0.113.8')).statusCode).toBe(200);
    app().setNow('2027-03-05T12:01:01+01:00');
    expect((await verify('203.0.113.7')).statusCode).toBe(200);
  });
});
