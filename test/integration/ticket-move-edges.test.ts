import { expect, it } from 'vitest';
import { TestClient } from '../support/client';
import { newDevice } from '../support/device';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription } from '../support/factories';

/** Issue 13, L1 and L2 (hostile check): moves that are no moves, and codes as people type them. */
describeEachEngine('ticket moves: the bound key and typed codes (issue 13, L1/L2)', (app) => {
  const client = () => new TestClient(app().server);
  const base = () => app().ctx.config.publicUrl;
  const now = () => app().ctx.clock.now();
  const outbox = async (to: string) =>
    (await client().get(`/api/dev/outbox?to=${encodeURIComponent(to)}`)).body.messages as { body: string }[];

  async function activated() {
    app().setNow('2027-03-05T12:00:00+01:00');
    const { company } = await createCompany(app());
    const sub = await createSubscription(app(), { companyId: company.id, startDate: '2027-03-01' });
    const path = `/api/tickets/${sub.ticketAccessToken}`;
    const phone = await newDevice(base());
    const r = await client().post(
      `${path}/activate`,
      {},
      await phone.headers('POST', `${path}/activate`, now()),
    );
    expect(r.status).toBe(200);
    return { sub, path, phone, credential: r.body.credential as string };
  }

  it('L1: verifying a move with the key already bound is no move: no moved-SMS, no move counted, credentials kept', async () => {
    const { sub, path, phone, credential } = await activated();
    expect((await client().post(`${path}/move`, {})).status).toBe(202);
    const code = (await outbox(sub.phone))[0]?.body.match(/^(\d{6}) /)?.[1] as string;
    const before = (await outbox(sub.phone)).length;
    const r = await client().post(
      `${path}/move/verify`,
      { code },
      await phone.headers('POST', `${path}/move/verify`, now()),
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ device: 'this', movesLeft: 3, credential });
    expect((await outbox(sub.phone)).length).toBe(before);
  });

  it('L2: a code typed with spaces or a hyphen is accepted', async () => {
    const { sub, path } = await activated();
    expect((await client().post(`${path}/move`, {})).status).toBe(202);
    const code = (await outbox(sub.phone))[0]?.body.match(/^(\d{6}) /)?.[1] as string;
    const other = await newDevice(base());
    const r = await client().post(
      `${path}/move/verify`,
      { code: ` ${code.slice(0, 3)} ${code.slice(3)} ` },
      await other.headers('POST', `${path}/move/verify`, now()),
    );
    expect(r.status).toBe(200);
    expect(r.body.device).toBe('this');
  });

  it('L2: a short or non-digit code is 400 naming body.code and uses no try', async () => {
    const { sub, path } = await activated();
    expect((await client().post(`${path}/move`, {})).status).toBe(202);
    const code = (await outbox(sub.phone))[0]?.body.match(/^(\d{6}) /)?.[1] as string;
    const other = await newDevice(base());
    for (const bad of ['12345', 'abcdef', '1234567', '12a456', '']) {
      const r = await client().post(
        `${path}/move/verify`,
        { code: bad },
        await other.headers('POST', `${path}/move/verify`, now()),
      );
      expect(r.status, bad).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(r.body.error.details)).toContain('body.code');
    }
    // All five tries are still there: four wrong six-digit codes, then the right one.
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++) {
      const r = await client().post(
        `${path}/move/verify`,
        { code: wrong },
        await other.headers('POST', `${path}/move/verify`, now()),
      );
      expect(r.body.error.code).toBe('MOVE_CODE_INVALID');
    }
    const right = await client().post(
      `${path}/move/verify`,
      { code },
      await other.headers('POST', `${path}/move/verify`, now()),
    );
    expect(right.status).toBe(200);
  });
});
