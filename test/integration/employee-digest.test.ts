import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { sendPendingOrdersDigest } from '../../src/app/employee/pending-digest';
import { messages } from '../../src/db/schema';
import { describeEachEngine } from '../support/each-engine';
import { createSubscription } from '../support/factories';
import { orderingCompany } from './employee-support';

describeEachEngine('daily digest of pending orders to company admins (issue 4, step 5)', (app) => {
  async function digestsTo(email: string) {
    return app()
      .ctx.db.select()
      .from(messages)
      .where(and(eq(messages.to, email), eq(messages.kind, 'pending_digest')));
  }

  it('each admin of a company with pending orders gets one email listing them; a rerun the same day sends nothing more', async () => {
    app().setNow('2027-01-15T07:00:00+01:00');
    const a = await orderingCompany(app());
    const b = await orderingCompany(app());
    const quiet = await orderingCompany(app());
    await createSubscription(app(), {
      companyId: a.company.id,
      firstName: 'Ola',
      lastName: 'Hansen',
      startDate: '2027-02-01',
      state: 'pending',
    });
    await createSubscription(app(), {
      companyId: a.company.id,
      firstName: 'Eva',
      lastName: 'Berg',
      startDate: '2027-02-01',
      state: 'pending',
    });
    await createSubscription(app(), {
      companyId: b.company.id,
      firstName: 'Per',
      lastName: 'Lie',
      startDate: '2027-02-01',
      state: 'pending',
    });
    await createSubscription(app(), {
      companyId: quiet.company.id,
      startDate: '2027-02-01',
      state: 'approved',
    });

    await sendPendingOrdersDigest(app().ctx);
    const toA = await digestsTo(a.adminEmail);
    expect(toA).toHaveLength(1);
    expect(toA[0]!.subject).toMatch(/^2 bestilling/);
    expect(toA[0]!.body).toContain('Ola Hansen');
    expect(toA[0]!.body).toContain('Eva Berg');
    expect(toA[0]!.body).not.toContain('Per Lie');
    expect(toA[0]!.body).toMatch(/\/bedrift/);
    const toB = await digestsTo(b.adminEmail);
    expect(toB[0]!.body).toContain('Per Lie');
    expect(toB[0]!.body).not.toContain('Ola Hansen');
    expect(await digestsTo(quiet.adminEmail)).toHaveLength(0);

    await sendPendingOrdersDigest(app().ctx);
    expect(await digestsTo(a.adminEmail)).toHaveLength(1);

    app().setNow('2027-01-16T07:00:00+01:00');
    await sendPendingOrdersDigest(app().ctx);
    expect(await digestsTo(a.adminEmail)).toHaveLength(2);
  });
});
