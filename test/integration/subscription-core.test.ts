import { expect, it } from 'vitest';
import { toSubscriptionDto } from '../../src/app/subscriptions/to-dto';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription, mobile } from '../support/factories';
import { OPERATOR } from '../support/test-app';

describeEachEngine('company registration and the subscription core', (app) => {
  it('issue 3.1: the operator registers a company; the contact person gets an invitation email', async () => {
    const operator = new TestClient(app().server);
    await operator.login(OPERATOR.email, OPERATOR.password);
    const r = await operator.post('/api/operator/companies', {
      orgNumber: '974760673',
      name: 'Agder Testbedrift AS',
      contact: { name: 'Kari Kontakt', email: 'Kari@Agder-Test.no', phone: '912 34 567' },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ orgNumber: '974760673', name: 'Agder Testbedrift AS' });
    const outbox = await operator.get('/api/dev/outbox?to=kari@agder-test.no');
    expect(outbox.body.messages[0].channel).toBe('email');
    expect(outbox.body.messages[0].body).toMatch(/\/bedrift\/invitasjon\/[A-Za-z0-9_-]{40,}/);
  });

  it('issue 3.1: an invalid organisation number (MOD11) is 400 and a duplicate is 409', async () => {
    const operator = new TestClient(app().server);
    await operator.login(OPERATOR.email, OPERATOR.password);
    const contact = { name: 'X', email: `x-${Date.now()}@example.no` };
    const bad = await operator.post('/api/operator/companies', {
      orgNumber: '123456786',
      name: 'Feil AS',
      contact,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('ORG_NUMBER_INVALID');
    const dup = await operator.post('/api/operator/companies', {
      orgNumber: '974760673',
      name: 'Dup AS',
      contact,
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('ORG_NUMBER_TAKEN');
  });

  it('only operators may register companies', async () => {
    const { client } = await createCompany(app());
    const r = await client.post('/api/operator/companies', {
      orgNumber: '987654325',
      name: 'Snik AS',
      contact: { name: 'S', email: 'snik@example.no' },
    });
    expect(r.status).toBe(403);
    const anonymous = await new TestClient(app().server).post('/api/operator/companies', {});
    expect([400, 401]).toContain(anonymous.status);
  });

  it('rule 5: one live subscription per employee per company', async () => {
    const { company } = await createCompany(app());
    const phone = mobile();
    await createSubscription(app(), { companyId: company.id, phone, startDate: '2027-02-01' });
    await expect(
      createSubscription(app(), { companyId: company.id, phone, startDate: '2027-02-01' }),
    ).rejects.toMatchObject({
      code: 'SUBSCRIPTION_EXISTS',
    });
  });

  it('an approved subscription queues the ticket SMS with the /billett/ link, and derives its status from the clock', async () => {
    const { company } = await createCompany(app());
    const phone = mobile();
    const sub = await createSubscription(app(), { companyId: company.id, phone, startDate: '2027-02-01' });
    const outbox = await new TestClient(app().server).get(`/api/dev/outbox?to=${phone}`);
    expect(outbox.body.messages[0].body).toContain(`/billett/${sub.ticketAccessToken}`);
    expect(outbox.body.messages[0].body).toContain('1. februar 2027');
    expect(toSubscriptionDto(sub, new Date('2027-01-31T22:59:59Z')).status).toBe('approved');
    expect(toSubscriptionDto(sub, new Date('2027-01-31T23:00:00Z')).status).toBe('active');
    expect(sub.startDate).toBe('2027-02-01');
  });
});
