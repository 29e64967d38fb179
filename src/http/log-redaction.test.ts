import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redaction';

describe('request logs without secrets (issue 2.8)', () => {
  it('masks tokens in paths and drops query strings, keeps ids and short words', () => {
    expect(redactUrl('/api/order/Qx7_abcdefghijklmnopqrstuvwxyz012345/otp')).toBe('/api/order/[token]/otp');
    expect(redactUrl('/billett/abcdefghijklmnopqrstuvwxyz?x=1')).toBe('/billett/[token]');
    expect(redactUrl('/api/dev/outbox?to=+4791234567')).toBe('/api/dev/outbox');
    // Issue 15 (b): the consent link's token (company id + signature) is masked too.
    expect(
      redactUrl(
        '/api/consent/0b7c6f7e-3a59-4a55-9d53-0d4a3b2f1c9e-iV3lpy3Z9yq0Y9M-nS-BUZ_1L-npFbLW81b03KL3DVI/otp',
      ),
    ).toBe('/api/consent/[token]/otp');
    expect(redactUrl('/api/company/subscriptions/0b7c6f7e-3a59-4a55-9d53-0d4a3b2f1c9e/approve')).toBe(
      '/api/company/subscriptions/0b7c6f7e-3a59-4a55-9d53-0d4a3b2f1c9e/approve',
    );
  });
});
