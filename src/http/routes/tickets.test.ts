import { describe, expect, it } from 'vitest';
import { proofUrls } from './tickets';

describe('DPoP htu is checked against PUBLIC_URL (issue 13, L9)', () => {
  const request = { protocol: 'https', host: 'evil.example', url: '/api/tickets/abc/activate?x=1' };

  it('in production only the public URL: a Host header of the client’s choosing does not count', () => {
    expect(proofUrls({ publicUrl: 'https://billett.example.no', isDev: false }, request)).toEqual([
      'https://billett.example.no/api/tickets/abc/activate',
    ]);
  });

  it('in development the address the request came in on counts too (dev server, browser tests)', () => {
    expect(proofUrls({ publicUrl: 'http://localhost:3000', isDev: true }, request)).toEqual([
      'http://localhost:3000/api/tickets/abc/activate',
      'https://evil.example/api/tickets/abc/activate',
    ]);
  });
});
