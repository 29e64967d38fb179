import { eq } from 'drizzle-orm';
import { hashPassword } from '../adapters/passwords';
import { orderLinkOf } from '../app/companies/order-link';
import { registerCompany } from '../app/companies/register-company';
import type { AppContext, OperatorActor } from '../app/context';
import { createSubscription } from '../app/subscriptions/create-subscription';
import { addMonths, firstDayOfMonth, lastDayOfMonth, monthOf, osloToday } from '../domain/calendar';
import { companies, subscriptions, users } from './schema';

export const DEMO = {
  orgNumber: '987654325',
  companyName: 'Demo Bedrift AS',
  adminEmail: 'admin@demo-bedrift.no',
  adminPassword: 'demo-password-123',
};

const FIRST = [
  'Kari',
  'Ola',
  'Ingrid',
  'Lars',
  'Sofie',
  'Emil',
  'Nora',
  'Jonas',
  'Emma',
  'Henrik',
  'Maja',
  'Sander',
  'Thea',
  'Magnus',
  'Ida',
];
const LAST = [
  'Nordmann',
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Kristiansen',
  'Berg',
];
const ZONES = [
  ['kristiansand'],
  ['kristiansand', 'vennesla'],
  ['arendal', 'grimstad'],
  ['lillesand', 'kristiansand', 'grimstad'],
  ['farsund'],
];
const CATEGORIES = ['voksen', 'voksen', 'voksen', 'ung-voksen', 'honnor', 'ungdom'];

type Plan = 'pending' | 'upcoming' | 'active' | 'ended' | 'rejected' | 'cancelled';
const PLANS: Plan[] = [
  ...Array<Plan>(4).fill('pending'),
  ...Array<Plan>(4).fill('upcoming'),
  ...Array<Plan>(12).fill('active'),
  ...Array<Plan>(4).fill('ended'),
  ...Array<Plan>(3).fill('rejected'),
  ...Array<Plan>(3).fill('cancelled'),
];

/**
 * A company with an admin login and thirty employees in every state, for a person trying the
 * product (`npm run demo`). Runs once: a database that has the demo company is left alone.
 */
export async function seedDemoData(ctx: AppContext): Promise<{ orderUrl: string } | null> {
  const [existing] = await ctx.db.select().from(companies).where(eq(companies.orgNumber, DEMO.orgNumber));
  if (existing) return { orderUrl: orderLinkOf(ctx, existing).url };

  const actor: OperatorActor = {
    type: 'operator',
    userId: '00000000-0000-0000-0000-000000000000',
    email: 'demo',
    operatorRole: 'admin',
  };
  const { company, admin } = await registerCompany(ctx, {
    actor,
    orgNumber: DEMO.orgNumber,
    name: DEMO.companyName,
    invoiceAddress: {
      street: 'Markens gate 1',
      postalCode: '4611',
      city: 'Kristiansand',
      reference: 'Demo-123',
    },
    contact: { name: 'Dina Demo', email: DEMO.adminEmail, phone: '41234567' },
  });
  await ctx.db
    .update(users)
    .set({ passwordHash: await hashPassword(DEMO.adminPassword) })
    .where(eq(users.id, admin.id));
  await ctx.db
    .update(companies)
    .set({
      selfService: 'manual',
      subsidy: { type: 'percent', value: 50 },
      deductionTerms:
        'Jeg samtykker i at min andel av bedriftsbilletten trekkes i lønn hver måned så lenge abonnementet løper.',
      orderForm: {
        kind: 'custom',
        intro: 'Velkommen! Bestill bedriftsbillett her. Arbeidsgiveren dekker halvparten.',
        fields: [
          {
            key: 'ansattnummer',
            label: 'Ansattnummer',
            type: 'text',
            required: true,
            helpText: 'Står på lønnsslippen',
          },
          {
            key: 'avdeling',
            label: 'Avdeling',
            type: 'select',
            required: false,
            options: ['Salg', 'Drift', 'Økonomi'],
          },
        ],
        offeredZoneIds: null,
        offeredCategoryIds: null,
      },
    })
    .where(eq(companies.id, company.id));

  const thisMonth = monthOf(osloToday(ctx.clock.now()));
  for (const [i, plan] of PLANS.entries()) {
    const startDate =
      plan === 'pending' || plan === 'upcoming'
        ? firstDayOfMonth(addMonths(thisMonth, 1))
        : plan === 'ended'
          ? firstDayOfMonth(addMonths(thisMonth, -4))
          : firstDayOfMonth(addMonths(thisMonth, -(i % 6) - 1));
    const { subscription } = await ctx.db.transaction((tx) =>
      createSubscription(tx, ctx, {
        actor: { type: 'system', label: 'demo' },
        companyId: company.id,
        phone: `9${String(1_000_000 + i * 7_321).padStart(7, '0')}`,
        firstName: FIRST[i % FIRST.length]!,
        lastName: LAST[(i * 3) % LAST.length]!,
        categoryId: CATEGORIES[i % CATEGORIES.length]!,
        zoneIds: ZONES[i % ZONES.length]!,
        startDate,
        endDate: plan === 'ended' ? lastDayOfMonth(addMonths(thisMonth, -1)) : null,
        state: plan === 'pending' || plan === 'rejected' || plan === 'cancelled' ? 'pending' : 'approved',
        source: i % 3 === 0 ? 'admin' : 'employee',
        fields: { ansattnummer: String(1000 + i), avdeling: ['Salg', 'Drift', 'Økonomi'][i % 3]! },
        notify: false,
      }),
    );
    if (plan === 'rejected' || plan === 'cancelled') {
      await ctx.db
        .update(subscriptions)
        .set(
          plan === 'rejected'
            ? { state: 'rejected', rejectionReason: 'Ikke lenger ansatt', decidedAt: ctx.clock.now() }
            : { state: 'cancelled' },
        )
        .where(eq(subscriptions.id, subscription.id));
    }
  }
  return { orderUrl: `${ctx.config.publicUrl}/bestill/${company.orderToken}` };
}
