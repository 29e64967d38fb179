import { and, eq, inArray } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { auditLog, messages, subscriptions } from '../../src/db/schema';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription, mobile } from '../support/factories';

describeEachEngine('bulk actions and selection by a pasted list (issue 16 item 2)', (app) => {
  beforeEach(() => app().setNow('2027-01-15T10:00:00+01:00'));

  it('approve many at once: each row done alone with its audit entry and SMS; an approved row is unchanged, another company’s id fails by row', async () => {
    const { company, client } = await createCompany(app());
    const other = await createCompany(app());
    const pending = await Promise.all(
      ['Anne', 'Berit', 'Cecilie'].map((firstName) =>
        createSubscription(app(), {
          companyId: company.id,
          startDate: '2027-02-01',
          state: 'pending',
          firstName,
        }),
      ),
    );
    const approved = await createSubscription(app(), { companyId: company.id, startDate: '2027-02-01' });
    const foreign = await createSubscription(app(), {
      companyId: other.company.id,
      startDate: '2027-02-01',
      state: 'pending',
    });
    const ids = [...pending.map((s) => s.id), approved.id, foreign.id];

    const preview = await client.post('/api/company/subscriptions/bulk', {
      action: 'approve',
      ids,
      dryRun: true,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.summary).toEqual({ total: 5, done: 0, unchanged: 1, failed: 1, wouldDo: 3 });
    const stillPending = await app()
      .ctx.db.select()
      .from(subscriptions)
      .where(inArray(subscriptions.id, ids));
    expect(stillPending.filter((s) => s.state === 'pending')).toHaveLength(4);

    const r = await client.post(
      '/api/company/subscriptions/bulk',
      { action: 'approve', ids },
      { 'accept-language': 'en' },
    );
    expect(r.status).toBe(200);
    expect(r.body.summary).toEqual({ total: 5, done: 3, unchanged: 1, failed: 1, wouldDo: 0 });
    expect(r.body.results.map((x: { outcome: string }) => x.outcome)).toEqual([
      'done',
      'done',
      'done',
      'unchanged',
      'failed',
    ]);
    expect(r.body.results[4]).toMatchObject({ id: foreign.id, name: null, code: 'NOT_FOUND' });
    expect(r.body.results[4].message).toMatch(/not found/i);
    expect(r.body.results[0].name).toBe('Anne Nordmann');

    const audited = await app()
      .ctx.db.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'subscription.approved'), eq(auditLog.companyId, company.id)));
    expect(audited.map((a) => a.entityId).sort()).toEqual(pending.map((s) => s.id).sort());
    for (const s of pending) {
      const sms = await app().ctx.db.select().from(messages).where(eq(messages.to, s.phone));
      expect(sms.some((m) => m.kind === 'ticket_approved')).toBe(true);
    }
    const [untouched] = await app()
      .ctx.db.select()
      .from(subscriptions)
      .where(eq(subscriptions.id, foreign.id));
    expect(untouched!.state).toBe('pending');

    // The same request again (a double click) changes nothing more.
    const again = await client.post('/api/company/subscriptions/bulk', { action: 'approve', ids });
    expect(again.body.summary).toMatchObject({ done: 0, unchanged: 4, failed: 1 });
  });

  it('end 50 on a date: a dry run previews without writing, then each is ended through that day; a row that cannot end is listed, the rest done', async () => {
    const { company, client } = await createCompany(app());
    const subs = [];
    for (let i = 0; i < 50; i += 1) {
      subs.push(
        await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01', phone: mobile() }),
      );
    }
    const ended = await createSubscription(app(), {
      companyId: company.id,
      startDate: '2026-11-01',
      endDate: '2026-12-31',
    });
    const ids = [...subs.map((s) => s.id), ended.id];
    const body = { action: 'end', effective: 'date', endDate: '2027-03-31', ids };
    const preview = await client.post('/api/company/subscriptions/bulk', { ...body, dryRun: true });
    expect(preview.body.summary).toMatchObject({ total: 51, wouldDo: 50, failed: 1 });
    expect(
      (await app().ctx.db.select().from(subscriptions).where(eq(subscriptions.endDate, '2027-03-31'))).length,
    ).toBe(0);

    const r = await client.post('/api/company/subscriptions/bulk', body);
    expect(r.body.summary).toMatchObject({ total: 51, done: 50, failed: 1 });
    expect(r.body.results.at(-1)).toMatchObject({ id: ended.id, outcome: 'failed' });
    const rows = await app()
      .ctx.db.select()
      .from(subscriptions)
      .where(
        inArray(
          subscriptions.id,
          subs.map((s) => s.id),
        ),
      );
    expect(rows.every((s) => s.endDate === '2027-03-31')).toBe(true);
    const audits = await app()
      .ctx.db.select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.companyId, company.id),
          inArray(
            auditLog.entityId,
            subs.map((s) => s.id),
          ),
        ),
      );
    expect(audits.filter((a) => a.action.startsWith('subscription.end')).length).toBeGreaterThanOrEqual(50);
  });

  it('bad requests are a 400 naming the field: no ids, too many, an unknown key, an end date with "now"', async () => {
    const { client } = await createCompany(app());
    const id = '00000000-0000-4000-8000-000000000001';
    const cases: [object, string][] = [
      [{ action: 'approve', ids: [] }, 'body.ids'],
      [{ action: 'approve', ids: Array.from({ length: 201 }, () => id) }, 'body.ids'],
      [{ action: 'approve', ids: [id], surprise: 1 }, 'body'],
      [{ action: 'end', effective: 'now', endDate: '2027-03-31', ids: [id] }, 'body.endDate'],
      [{ action: 'explode', ids: [id] }, 'body.action'],
    ];
    for (const [body, path] of cases) {
      const r = await client.post('/api/company/subscriptions/bulk', body);
      expect([JSON.stringify(body).slice(0, 60), r.status]).toEqual([JSON.stringify(body).slice(0, 60), 400]);
      expect(JSON.stringify(r.body.error.details)).toContain(path);
    }
  });

  it('a list pasted from Excel selects current subscriptions by mobile number or employee number; what matches nothing is listed', async () => {
    const { company, client } = await createCompany(app());
    const other = await createCompany(app());
    const kari = await createSubscription(app(), {
      companyId: company.id,
      startDate: '2027-01-01',
      phone: '41234567',
      fields: { ansattnummer: '00789' },
    });
    const ola = await createSubscription(app(), {
      companyId: company.id,
      startDate: '2027-01-01',
      phone: '41234568',
      firstName: 'Ola',
    });
    await createSubscription(app(), {
      companyId: company.id,
      startDate: '2026-11-01',
      endDate: '2026-12-31',
      phone: '41234569',
    });
    await createSubscription(app(), {
      companyId: other.company.id,
      startDate: '2027-01-01',
      phone: '41234570',
    });
    const pasted = '00789\r\n+47 412 34 568\n41234569\n41234570\n\nukjent\n';
    const r = await client.post('/api/company/subscriptions/select', { text: pasted });
    expect(r.status).toBe(200);
    expect(r.body.matched).toEqual([
      { line: '00789', id: kari.id, name: 'Kari Nordmann' },
      { line: '+47 412 34 568', id: ola.id, name: 'Ola Nordmann' },
    ]);
    expect(r.body.unmatched).toEqual(['41234569', '41234570', 'ukjent']);
  });
});
