import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redaction';

describe('request logs without secrets (issue 2.8)', () => {
  it('masks tokens in paths and drops query strings, keeps ids and short words', () => {
    expect(redactUrl('/api/order/Qx7_abcdefghijklmnopqrstuvwxyz012345/otp')).toBe('/api/order/[token]/otp');
    expect(redactUrl('/billett/abcdefghijklmnopqrstuvwxyz?x=1')).toBe('/billett/[token]');
    expect(redactUrl('/api/dev/outbox?to=+4791234567')).toBe('/api/dev/outbox');
    expect(redactUrl('/api/company/subscriptions/0b7c6f7e-3a59-4a55-9d53-0d4a3b2f1c9e/approve')).toBe(
      '/api/company/subscriptions/0b7c6f7e-3a59-4a55-9d53-0d4a3b2f1c9e/approve',
    );
  });
});
