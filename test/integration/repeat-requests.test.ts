import { expect, it } from 'vitest';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, orgNumber } from '../support/factories';
import { OPERATOR, type TestApp } from '../support/test-app';

async function operator(app: TestApp): Promise<TestClient> {
  const client = new TestClient(app.server);
  await client.login(OPERATOR.email, OPERATOR.password);
  return client;
}

async function invitations(app: TestApp, to: string): Promise<number> {
  const r = await new TestClient(app.server).get(`/api/dev/outbox?to=${encodeURIComponent(to)}`);
  return (r.body.messages as { kind: string }[]).length;
}

describeEachEngine('issue 15 item 5: a repeated request is the same request', (app) => {
  it('invite admin twice: both succeed with the same admin, one invitation email; another company still gets EMAIL_TAKEN', async () => {
    const { client } = await createCompany(app());
    const body = { name: 'Per Kollega', email: `per-${Date.now()}@bedrift.example` };
    const first = await client.post('/api/company/admins', body);
    const second = await client.post('/api/company/admins', body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(await invitations(app(), body.email)).toBe(1);
    const other = await createCompany(app());
    const taken = await other.client.post('/api/company/admins', body);
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('EMAIL_TAKEN');
    const renamed = await client.post('/api/company/admins', { ...body, name: 'Noen Andre' });
    expect(renamed.body.error.code).toBe('EMAIL_TAKEN');
  });

  it('register company twice: the same company, one invitation; the same org number with another contact is ORG_NUMBER_TAKEN', async () => {
    const op = await operator(app());
    const body = {
      orgNumber: orgNumber(),
      name: 'Gjentatt AS',
      contact: { name: 'Kari Kontakt', email: `kari-${Date.now()}@bedrift.example` },
    };
    const first = await op.post('/api/operator/companies', body);
    const second = await op.post('/api/operator/companies', body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(await invitations(app(), body.contact.email)).toBe(1);
    const other = await op.post('/api/operator/companies', {
      ...body,
      contact: { name: 'Ola', email: `ola-${Date.now()}@bedrift.example` },
    });
    expect(other.body.error.code).toBe('ORG_NUMBER_TAKEN');
  });

  it('invite staff twice: the same invitation, one email', async () => {
    const op = await operator(app());
    const body = { name: 'Ansatt Ny', email: `staff-${Date.now()}@operator.example`, role: 'read_only' };
    const first = await op.post('/api/operator/staff', body);
    const second = await op.post('/api/operator/staff', body);
    expect(first.status).toBeLessThan(300);
    expect(second.status).toBe(first.status);
    expect(second.body.id).toBe(first.body.id);
    expect(await invitations(app(), body.email)).toBe(1);
  });
});
