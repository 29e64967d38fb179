import { eq } from 'drizzle-orm';
import { companies } from '../../src/db/schema';
import type { OrderForm } from '../../src/db/schema/companies';
import { TestClient } from '../support/client';
import { createCompany, mobile } from '../support/factories';
import type { TestApp } from '../support/test-app';

let ipSequence = 0;
/** A fresh client address per test, so the per-IP send limit of one test does not touch another. */
export function freshIp(): string {
  ipSequence += 1;
  return `10.${(ipSequence >> 16) & 255}.${(ipSequence >> 8) & 255}.${ipSequence & 255}`;
}

/** A company with the employee-facing settings of a test, and its admin client. */
export async function orderingCompany(
  app: TestApp,
  options: {
    selfService?: 'disabled' | 'manual' | 'automatic';
    orderForm?: Partial<OrderForm>;
    deductionTerms?: string;
    subsidy?: { type: 'none' } | { type: 'percent'; value: number } | { type: 'fixed'; value: number };
  } = {},
) {
  const made = await createCompany(app, {
    selfService: options.selfService ?? 'manual',
    subsidy: options.subsidy,
  });
  const orderForm = { ...made.company.orderForm, ...options.orderForm };
  const deductionTerms =
    options.deductionTerms ?? 'Jeg samtykker til trekk i lønn for min andel av billetten.';
  await app.ctx.db
    .update(companies)
    .set({ orderForm, deductionTerms })
    .where(eq(companies.id, made.company.id));
  return { ...made, company: { ...made.company, orderForm, deductionTerms } };
}

/** The newest SMS body to a phone, from the development outbox. */
export async function latestSms(app: TestApp, phone: string): Promise<string> {
  const r = await new TestClient(app.server).get(`/api/dev/outbox?to=${encodeURIComponent(phone)}`);
  const sms = (r.body.messages as { channel: string; body: string }[]).filter((m) => m.channel === 'sms');
  if (!sms[0]) throw new Error(`no SMS to ${phone}`);
  return sms[0].body;
}

export function codeIn(body: string): string {
  const match = /\b(\d{6})\b/.exec(body);
  if (!match) throw new Error(`no code in: ${body}`);
  return match[1]!;
}

/** An employee's browser logged in by SMS code at the company's order link. */
export async function employeeClient(app: TestApp, orderToken: string, phone = mobile()) {
  const client = new TestClient(app.server);
  const sent = await client.post(`/api/order/${orderToken}/otp`, { phone }, { 'x-forwarded-for': freshIp() });
  if (sent.status !== 202) throw new Error(`otp send failed: ${sent.status} ${sent.text}`);
  const code = codeIn(await latestSms(app, phone));
  const verified = await client.post(`/api/order/${orderToken}/otp/verify`, { phone, code });
  if (verified.status !== 200) throw new Error(`otp verify failed: ${verified.status} ${verified.text}`);
  return { client, phone: verified.body.phone as string };
}

export const order = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Kari',
  lastName: 'Nordmann',
  zoneIds: ['kristiansand'],
  categoryId: 'voksen',
  fields: {},
  consent: true,
  ...overrides,
});
