import { expect, it } from 'vitest';
import type { InspectionData } from '../../src/web/surfaces/inspect/keys';
import { listTiming } from '../../src/web/surfaces/inspect/keys';
import { checkOffline } from '../../src/web/surfaces/inspect/offline-check';
import { TestClient } from '../support/client';
import { newDevice } from '../support/device';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription } from '../support/factories';

/**
 * Issue 13, M1 (hostile check): the inspection page's offline verdict with a cached revocation
 * list past its `exp` is "cannot be decided offline", never valid; within it, valid.
 */
describeEachEngine('offline inspection and the age of the revocation list (issue 13, M1)', (app) => {
  const client = () => new TestClient(app().server);

  it('a good code is valid offline while the list holds, and status_list_expired (not valid) after its exp', async () => {
    app().setNow('2027-03-05T12:00:00+01:00');
    const { company } = await createCompany(app());
    const sub = await createSubscription(app(), { companyId: company.id, startDate: '2027-03-01' });
    const path = `/api/tickets/${sub.ticketAccessToken}/activate`;
    const phone = await newDevice(app().ctx.config.publicUrl);
    const activated = await client().post(path, {}, await phone.headers('POST', path, app().ctx.clock.now()));
    const offline = (await client().get('/api/inspection/offline-data')).body;
    const data: InspectionData = {
      jwks: (await client().get('/.well-known/jwks.json')).body,
      statusList: offline.statusList,
      statusListIssuedAt: offline.issuedAt,
      freshnessSeconds: offline.freshnessSeconds,
      zones: {},
      zoneIdsByCode: {},
      categories: {},
      fetchedAt: offline.issuedAt,
    };
    const timing = listTiming(data);
    expect(timing.ttlSeconds).toBe(300);
    expect(timing.expiresAt?.toISOString()).toBe('2027-03-06T11:00:00.000Z');

    const today = new Date('2027-03-05T12:00:05+01:00');
    const fresh = await checkOffline(
      await phone.code(activated.body.codes[0].credential, today),
      data,
      today,
    );
    expect(fresh).toMatchObject({ valid: true, online: false });

    // The next day's credential, shown fresh, one second after the list ran out.
    const late = new Date('2027-03-06T12:00:00+01:00');
    const code = await phone.code(activated.body.codes[1].credential, late);
    const verdict = await checkOffline(code, data, late);
    expect(verdict).toMatchObject({ valid: false, reason: 'status_list_expired', online: false });
    // A code that fails on its own (a screenshot) is still refused for that reason.
    const stale = await checkOffline(code, data, new Date(late.getTime() + 10 * 60_000));
    expect(stale).toMatchObject({ valid: false, reason: 'stale' });
  });
});
