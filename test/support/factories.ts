import { desc, eq, like } from 'drizzle-orm';
import { hashPassword } from '../../src/adapters/passwords';
import { registerCompany } from '../../src/app/companies/register-company';
import type { OperatorActor } from '../../src/app/context';
import { messageSealer, revealMessage } from '../../src/app/messages';
import { createSubscription as createSubscriptionCore } from '../../src/app/subscriptions/create-subscription';
import { companies, messages, users } from '../../src/db/schema';
import type { Consent } from '../../src/db/schema/subscriptions';
import type { Subsidy } from '../../src/domain/money';
import { TestClient } from './client';
import type { TestApp } from './test-app';

let sequence = 0;

/** A fresh valid organisation number (MOD11), different on every call. */
export function orgNumber(): string {
  for (;;) {
    sequence += 1;
    const base = String(
      10_000_000 + ((sequence * 7_919 + Math.floor(Math.random() * 1_000_000)) % 89_999_999),
    ).slice(0, 8);
    const weights = [3, 2, 7, 6, 5, 4, 3, 2];
    const sum = base.split('').reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
    const r = sum % 11;
    if (r === 1) continue;
    return base + String(r === 0 ? 0 : 11 - r);
  }
}

/** A fresh valid Norwegian mobile number (9xxxxxxx), as a person would type it. */
export function mobile(): string {
  sequence += 1;
  return `9${String(1_000_000 + ((sequence * 104_729 + Math.floor(Math.random() * 1_000_000)) % 8_999_999)).padStart(7, '0')}`;
}

export const systemOperator: OperatorActor = {
  type: 'operator',
  userId: '00000000-0000-0000-0000-000000000000',
  email: 'factory@example.no',
  operatorRole: 'admin',
};

export const ADMIN_PASSWORD = 'admin-password-1234';

/**
 * A registered company whose contact person has set a password, and a client logged in as them.
 */
export async function createCompany(
  app: TestApp,
  options: { name?: string; selfService?: 'disabled' | 'manual' | 'automatic'; subsidy?: Subsidy } = {},
) {
  const n = ++sequence;
  const email = `admin${n}-${Math.random().toString(36).slice(2, 8)}@bedrift.example`;
  const { company, admin } = await registerCompany(app.ctx, {
    actor: systemOperator,
    orgNumber: orgNumber(),
    name: options.name ?? `Testbedrift ${n} AS`,
    invoiceAddress: { street: 'Gata 1', postalCode: '4630', city: 'Kristiansand' },
    contact: { name: `Admin ${n}`, email },
  });
  await app.ctx.db
    .update(users)
    .set({ passwordHash: await hashPassword(ADMIN_PASSWORD) })
    .where(eq(users.id, admin.id));
  if (options.selfService || options.subsidy) {
    await app.ctx.db
      .update(companies)
      .set({
        ...(options.selfService ? { selfService: options.selfService } : {}),
        ...(options.subsidy ? { subsidy: options.subsidy } : {}),
      })
      .where(eq(companies.id, company.id));
  }
  const client = new TestClient(app.server);
  await client.login(email, ADMIN_PASSWORD);
  const [fresh] = await app.ctx.db.select().from(companies).where(eq(companies.id, company.id));
  // The plain order-link token is stored only hashed and sealed (issue 12.9): tests keep the one
  // registration handed out.
  return { company: { ...fresh!, orderToken: company.orderToken }, admin, adminEmail: email, client };
}

/**
 * The token of the newest ticket link sent by SMS for a subscription (only its hash is on the
 * subscription; the message stores the link elided, with a sealed copy that is opened here).
 */
export async function ticketTokenOf(app: TestApp, subscriptionId: string): Promise<string | null> {
  const rows = await app.ctx.db
    .select({ subject: messages.subject, body: messages.body, sealed: messages.sealed })
    .from(messages)
    .where(like(messages.idempotencyKey, `ticket-sms:${subscriptionId}:%`))
    .orderBy(desc(messages.createdAt));
  const row = rows[0];
  const body = row ? revealMessage(row, messageSealer(app.ctx.config))?.body : undefined;
  const match = body?.match(/\/billett\/([A-Za-z0-9_-]+)/);
  return match?.[1] ?? null;
}

/** A subscription straight through the use-case core (approved unless said otherwise). */
export async function createSubscription(
  app: TestApp,
  input: {
    companyId: string;
    phone?: string;
    firstName?: string;
    lastName?: string;
    categoryId?: string;
    zoneIds?: string[];
    startDate: string;
    endDate?: string | null;
    state?: 'pending' | 'approved';
    fields?: Record<string, string | number | boolean>;
    departmentId?: string | null;
    /**
     * The employee's consent to the deduction, as their own order stores it (default: agreed).
     * null makes a ticket the company added without it (issue 15 (a): a consent request opens).
     */
    consent?: Consent | null;
  },
) {
  const { subscription } = await app.ctx.db.transaction((tx) =>
    createSubscriptionCore(tx, app.ctx, {
      actor: { type: 'system', label: 'factory' },
      companyId: input.companyId,
      phone: input.phone ?? mobile(),
      firstName: input.firstName ?? 'Kari',
      lastName: input.lastName ?? 'Nordmann',
      categoryId: input.categoryId ?? 'voksen',
      zoneIds: input.zoneIds ?? ['kristiansand'],
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      state: input.state ?? 'approved',
      source: 'admin',
      fields: input.fields,
      departmentId: input.departmentId ?? null,
      consent:
        input.consent === undefined
          ? {
              termsText: 'factory: agreed as on order',
              at: new Date(0).toISOString(),
              priceOre: 0,
              companyShareOre: 0,
              deductionOre: 0,
            }
          : input.consent,
    }),
  );
  return {
    ...subscription,
    ticketAccessToken: (await ticketTokenOf(app, subscription.id)) ?? 'no-ticket-sms-sent',
  };
}
