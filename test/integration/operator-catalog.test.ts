import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { hashPassword } from '../../src/adapters/passwords';
import { auditLog, prices, users } from '../../src/db/schema';
import { priceOn } from '../../src/domain/catalog';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription } from '../support/factories';
import { OPERATOR, type TestApp } from '../support/test-app';

const JAN_15 = '2027-01-15T10:00:00+01:00';

async function operator(app: TestApp) {
  const client = new TestClient(app.server);
  await client.login(OPERATOR.email, OPERATOR.password);
  return client;
}

async function readOnlyOperator(app: TestApp) {
  const email = `readonly-${Math.random().toString(36).slice(2, 8)}@example.no`;
  await app.ctx.db.insert(users).values({
    email,
    name: 'Lese Tilgang',
    role: 'operator',
    operatorRole: 'read_only',
    passwordHash: await hashPassword('read-only-password-1'),
  });
  const client = new TestClient(app.server);
  await client.login(email, 'read-only-password-1');
  return client;
}

describeEachEngine('operator: fare catalog (issue 7, rule 1)', (app) => {
  it('rule 1: a price version is entered ahead, previewed, and takes effect on its date', async () => {
    app().setNow(JAN_15);
    const { company } = await createCompany(app());
    await createSubscription(app(), {
      companyId: company.id,
      categoryId: 'voksen',
      zoneIds: ['kristiansand'],
      startDate: '2027-01-15',
    });
    await createSubscription(app(), {
      companyId: company.id,
      categoryId: 'barn',
      zoneIds: ['arendal', 'grimstad'],
      startDate: '2027-02-01',
    });
    const client = await operator(app());
    const version = {
      validFrom: '2027-03-01',
      prices: [{ categoryId: 'voksen', zoneCount: 1, monthlyPriceOre: 90_000 }],
    };

    const preview = await client.post('/api/operator/catalog/price-versions/preview', version);
    expect(preview.status).toBe(200);
    // March is priced with the example's 2027-02-01 prices before: voksen 1 zone 814 kr, barn 2 zones 561 kr.
    expect(preview.body).toEqual({
      month: '2027-03',
      subscriptions: 1,
      companies: 1,
      revenueBeforeOre: 81_400 + 56_100,
      revenueAfterOre: 90_000 + 56_100,
    });

    const saved = await client.put('/api/operator/catalog/price-versions/2027-03-01', {
      prices: version.prices,
    });
    expect(saved.status).toBe(200);
    const publicCatalog = await new TestClient(app().server).get('/api/catalog');
    expect(publicCatalog.body.isExample).toBe(false);
    expect(publicCatalog.body.prices).toContainEqual({
      categoryId: 'voksen',
      zoneCount: 1,
      monthlyPriceOre: 90_000,
      validFrom: '2027-03-01',
    });
    expect(priceOn(publicCatalog.body.prices, 'voksen', 1, '2027-02-28')).toBe(81_400);

    app().setNow('2027-03-01T00:05:00+01:00');
    // Six weeks later: a new staff session (sessions time out).
    const later = await operator(app());
    const after = await later.get('/api/operator/catalog');
    expect(after.body.today).toBe('2027-03-01');
    const march = after.body.versions.find((v: { validFrom: string }) => v.validFrom === '2027-03-01');
    expect(march.state).toBe('current');
    expect(after.body.versions.find((v: { validFrom: string }) => v.validFrom === '2027-02-01').state).toBe(
      'past',
    );
    const now = await new TestClient(app().server).get('/api/catalog');
    expect(priceOn(now.body.prices, 'voksen', 1, after.body.today)).toBe(90_000);
    // Other categories keep the prices of the earlier version.
    expect(priceOn(now.body.prices, 'barn', 2, after.body.today)).toBe(56_100);

    // Once in force it is history: neither replaced nor withdrawn.
    const replace = await later.put('/api/operator/catalog/price-versions/2027-03-01', {
      prices: version.prices,
    });
    expect(replace.status).toBe(400);
    expect(replace.body.error.code).toBe('PRICE_VERSION_NOT_AHEAD');
    const withdraw = await later.delete('/api/operator/catalog/price-versions/2027-03-01');
    expect(withdraw.status).toBe(409);
    expect(withdraw.body.error.code).toBe('PRICE_VERSION_IN_FORCE');
  });

  it('a price version must start on the 1st of a coming month and name known categories; nothing half-written', async () => {
    app().setNow(JAN_15);
    const client = await operator(app());
    const before = await app().ctx.db.select().from(prices);
    const price = { categoryId: 'voksen', zoneCount: 1, monthlyPriceOre: 85_000 };
    const past = await client.put('/api/operator/catalog/price-versions/2027-01-01', { prices: [price] });
    expect([past.status, past.body.error.code]).toEqual([400, 'PRICE_VERSION_NOT_AHEAD']);
    const midMonth = await client.put('/api/operator/catalog/price-versions/2027-04-15', { prices: [price] });
    expect([midMonth.status, midMonth.body.error.code]).toEqual([400, 'PRICE_VERSION_NOT_AHEAD']);
    expect(midMonth.body.error.message).toMatch(/1\. i en kommende måned/);
    const unknown = await client.put('/api/operator/catalog/price-versions/2027-04-01', {
      prices: [price, { categoryId: 'astronaut', zoneCount: 2, monthlyPriceOre: 1 }],
    });
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'CATEGORY_UNKNOWN']);
    const negative = await client.put('/api/operator/catalog/price-versions/2027-04-01', {
      prices: [{ ...price, monthlyPriceOre: -5 }],
    });
    expect([negative.status, negative.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const fourZones = await client.put('/api/operator/catalog/price-versions/2027-04-01', {
      prices: [{ ...price, zoneCount: 4 }],
    });
    expect(fourZones.status).toBe(400);
    const duplicate = await client.put('/api/operator/catalog/price-versions/2027-04-01', {
      prices: [price, price],
    });
    expect(duplicate.status).toBe(400);
    expect(await app().ctx.db.select().from(prices)).toHaveLength(before.length);
  });

  it('a future version can be replaced or withdrawn, and past versions stay readable; every change is audited', async () => {
    app().setNow(JAN_15);
    const client = await operator(app());
    const put = (monthlyPriceOre: number) =>
      client.put('/api/operator/catalog/price-versions/2028-02-01', {
        prices: [{ categoryId: 'honnor', zoneCount: 3, monthlyPriceOre }],
      });
    expect((await put(70_000)).status).toBe(200);
    expect((await put(72_000)).status).toBe(200);
    const stored = await app().ctx.db.select().from(prices).where(eq(prices.validFrom, '2028-02-01'));
    expect(stored.map((p) => p.monthlyPriceOre)).toEqual([72_000]);
    const catalog = await client.get('/api/operator/catalog');
    const states = Object.fromEntries(
      catalog.body.versions.map((v: { validFrom: string; state: string }) => [v.validFrom, v.state]),
    );
    expect(states).toMatchObject({ '2028-02-01': 'future', '2027-02-01': 'future', '2026-02-01': 'current' });

    expect((await client.delete('/api/operator/catalog/price-versions/2028-02-01')).status).toBe(204);
    expect(await app().ctx.db.select().from(prices).where(eq(prices.validFrom, '2028-02-01'))).toEqual([]);
    const audit = await app()
      .ctx.db.select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'price_version'), eq(auditLog.entityId, '2028-02-01')));
    expect(audit.map((a) => a.action)).toEqual([
      'price_version.added',
      'price_version.replaced',
      'price_version.withdrawn',
    ]);
    expect(audit[1]!.before).toEqual([{ categoryId: 'honnor', zoneCount: 3, monthlyPriceOre: 70_000 }]);
    expect(audit[1]!.actorLabel).toBe(OPERATOR.email);
  });

  it('zones: add, rename, deactivate; a zone in use is never deleted', async () => {
    app().setNow(JAN_15);
    const { company } = await createCompany(app());
    await createSubscription(app(), {
      companyId: company.id,
      zoneIds: ['vennesla'],
      startDate: '2027-01-15',
    });
    const client = await operator(app());
    const added = await client.post('/api/operator/catalog/zones', { name: 'Nye Øyer' });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ id: 'nye-oyer', name: 'Nye Øyer', active: true });
    const again = await client.post('/api/operator/catalog/zones', { name: 'Nye Øyer' });
    expect([again.status, again.body.error.code]).toEqual([409, 'CONFLICT']);

    const renamed = await client.patch('/api/operator/catalog/zones/nye-oyer', { name: 'Nye øyer' });
    expect(renamed.body.name).toBe('Nye øyer');
    const deactivated = await client.patch('/api/operator/catalog/zones/vennesla', { active: false });
    expect(deactivated.body.active).toBe(false);
    const publicZones = (await client.get('/api/catalog')).body.zones;
    expect(publicZones).toContainEqual({ id: 'vennesla', name: 'Vennesla', active: false });

    const inUse = await client.delete('/api/operator/catalog/zones/vennesla');
    expect([inUse.status, inUse.body.error.code]).toEqual([409, 'ZONE_IN_USE']);
    expect((await client.delete('/api/operator/catalog/zones/nye-oyer')).status).toBe(204);
    expect((await client.delete('/api/operator/catalog/zones/nye-oyer')).status).toBe(404);
    const audit = await app().ctx.db.select().from(auditLog).where(eq(auditLog.entityType, 'zone'));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['zone.added', 'zone.updated', 'zone.deactivated', 'zone.deleted']),
    );
  });

  it('traveller categories: add, rename, deactivate', async () => {
    app().setNow(JAN_15);
    const client = await operator(app());
    const added = await client.post('/api/operator/catalog/categories', {
      name: 'Student',
      nameEn: 'Student',
    });
    expect(added.status).toBe(201);
    expect(added.body.id).toBe('student');
    const renamed = await client.patch('/api/operator/catalog/categories/student', {
      nameEn: 'University student',
      active: false,
    });
    expect(renamed.body).toEqual({
      id: 'student',
      name: 'Student',
      nameEn: 'University student',
      active: false,
    });
    expect((await client.patch('/api/operator/catalog/categories/nobody', { name: 'X' })).status).toBe(404);
  });

  it('read-only staff see the catalog but cannot change it; companies and strangers cannot reach it', async () => {
    app().setNow(JAN_15);
    const readOnly = await readOnlyOperator(app());
    expect((await readOnly.get('/api/operator/catalog')).status).toBe(200);
    const denied = await readOnly.post('/api/operator/catalog/zones', { name: 'Forbudt' });
    expect([denied.status, denied.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(
      (
        await readOnly.put('/api/operator/catalog/price-versions/2027-06-01', {
          prices: [{ categoryId: 'barn', zoneCount: 1, monthlyPriceOre: 1 }],
        })
      ).status,
    ).toBe(403);
    const { client: companyAdmin } = await createCompany(app());
    expect((await companyAdmin.get('/api/operator/catalog')).status).toBe(403);
    expect((await new TestClient(app().server).get('/api/operator/catalog')).status).toBe(401);
  });
});
