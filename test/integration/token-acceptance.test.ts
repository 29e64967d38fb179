import { eq } from 'drizzle-orm';
import { afterEach, expect, it, vi } from 'vitest';
import * as passwords from '../../src/adapters/passwords';
import { TOKEN_FAILURES_PER_ADDRESS } from '../../src/app/auth/token-attempts';
import { users } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany } from '../support/factories';

vi.mock('../../src/adapters/passwords', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/adapters/passwords')>();
  return { ...real, hashPassword: vi.fn(real.hashPassword) };
});

const unknownToken = () => `x${Math.random().toString(36).slice(2)}${'A'.repeat(30)}`;

/**
 * Issue 12 item 10: accepting an invitation or a reset link looks the token up first (by its
 * hash), never hashes a password for an unknown token, and is limited per client address.
 */
describeEachEngine('issue 12 item 10: invitation and reset acceptance look the token up first', (app) => {
  afterEach(() => vi.mocked(passwords.hashPassword).mockClear());

  it('an unknown invitation or reset token is refused without hashing the password (no argon2 work for a guess)', async () => {
    const client = new TestClient(app().server);
    vi.mocked(passwords.hashPassword).mockClear();
    const invitation = await client.post(
      `/api/auth/invitations/${unknownToken()}/accept`,
      { password: 'Et langt og godt passord 2027!' },
      { 'x-forwarded-for': '10.200.0.1' },
    );
    expect([invitation.status, invitation.body.error.code]).toEqual([400, 'INVITATION_INVALID']);
    const reset = await client.post(
      `/api/auth/password-reset/${unknownToken()}`,
      { password: 'Et langt og godt passord 2027!' },
      { 'x-forwarded-for': '10.200.0.1' },
    );
    expect([reset.status, reset.body.error.code]).toEqual([400, 'INVITATION_INVALID']);
    expect(passwords.hashPassword).not.toHaveBeenCalled();

    // The control: a real invitation does hash the password (the spy sees the app's calls).
    const { company } = await createCompany(app());
    const [contact] = await app().ctx.db.select().from(users).where(eq(users.companyId, company.id));
    const mail = await client.get(`/api/dev/outbox?to=${encodeURIComponent(contact!.email)}`);
    const token = /\/invitasjon\/([A-Za-z0-9_-]{20,})/.exec(mail.body.messages[0].body)![1]!;
    vi.mocked(passwords.hashPassword).mockClear();
    const accepted = await client.post(
      `/api/auth/invitations/${token}/accept`,
      { password: 'Et langt og godt passord 2027!' },
      { 'x-forwarded-for': '10.200.0.9' },
    );
    expect(accepted.status).toBe(200);
    expect(passwords.hashPassword).toHaveBeenCalledTimes(1);
  });

  it(`after ${TOKEN_FAILURES_PER_ADDRESS.limit} wrong tokens from one address the next is 429 with Retry-After, also in parallel; another address is not affected`, async () => {
    const client = new TestClient(app().server);
    const attempt = (ip: string) =>
      client.request(
        'POST',
        `/api/auth/invitations/${unknownToken()}/accept`,
        { password: 'Et langt og godt passord 2027!' },
        { 'x-forwarded-for': ip },
      );
    const results = await Promise.all(
      Array.from({ length: TOKEN_FAILURES_PER_ADDRESS.limit + 10 }, () => attempt('10.200.0.2')),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 400)).toHaveLength(TOKEN_FAILURES_PER_ADDRESS.limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    expect(Number(results.find((r) => r.status === 429)!.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt('10.200.0.3')).status).toBe(400);
    expect(passwords.hashPassword).not.toHaveBeenCalled();
  });
});
