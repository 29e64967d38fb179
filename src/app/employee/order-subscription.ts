import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/engine';
import { loadCatalog } from '../../db/repositories/catalog';
import {
  listSubscriptions,
  type SubscriptionRow,
  type SubscriptionWithZones,
  setEmployeeLanguage,
} from '../../db/repositories/subscriptions';
import { monthOf, osloToday } from '../../domain/calendar';
import { priceForMonth, validateZoneSelection } from '../../domain/catalog';
import { companyTermsIn } from '../../domain/company-texts';
import { AppError } from '../../domain/errors';
import type { Language } from '../../domain/message-catalogue';
import { splitCost } from '../../domain/money';
import { deriveStatus, isLive, orderStartDate } from '../../domain/subscription';
import { searchKey } from '../../domain/text';
import type { AppContext, EmployeeActor } from '../context';
import { resolveDepartment } from '../departments/resolve-department';
import { employeeLanguage } from '../messages';
import { createSubscription } from '../subscriptions/create-subscription';
import { smsEmployee } from '../subscriptions/notify';
import { emailAdmins } from '../subscriptions/notify-admins';
import { type SubscriptionDto, toSubscriptionDto } from '../subscriptions/to-dto';
import { assertOrderingOpen, companyOfEmployee } from './order-company';
import { type FieldValue, validateOrderFields } from './order-fields';

export interface OrderInput {
  actor: EmployeeActor;
  firstName: string;
  lastName: string;
  zoneIds: string[];
  categoryId: string;
  fields: Record<string, unknown>;
  consent: boolean;
  /** The employee's department, if the company has departments (issue 16 item 3); optional. */
  departmentId?: string | null;
  /** The web app's language: the employee's choice for messages, and of the default terms text. */
  language?: Language;
  /** From the Idempotency-Key header: a retry with the same key gets the same order. */
  idempotencyKey?: string | null;
}

/** A double click sends the same order twice; within this window the second gets the first. */
const REPEAT_WINDOW_MS = 2 * 60_000;

const clean = searchKey;
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const canonical = (o: Record<string, FieldValue>) =>
  JSON.stringify(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

async function recentIdenticalOrder(
  tx: Tx,
  input: OrderInput,
  order: { zoneIds: string[]; fields: Record<string, FieldValue> },
  now: Date,
): Promise<SubscriptionWithZones | undefined> {
  const mine = await listSubscriptions(tx, input.actor.companyId, { phone: input.actor.phone });
  return mine.find(
    (s) =>
      s.source === 'employee' &&
      now.getTime() - s.createdAt.getTime() <= REPEAT_WINDOW_MS &&
      isLive(deriveStatus(s, now)) &&
      s.firstName === clean(input.firstName) &&
      s.lastName === clean(input.lastName) &&
      s.categoryId === input.categoryId &&
      sameSet(s.zoneSets[0]?.zoneIds ?? [], order.zoneIds) &&
      canonical(s.fields) === canonical(order.fields),
  );
}

/**
 * Rule 5: the employee orders a ticket from the 1st of next month, with explicit consent to the
 * payroll deduction stored with the terms text, the time and the price split. Manual approval →
 * pending; automatic → approved at once with the ticket SMS. A retry or double click makes one
 * order (`created: false` for the repeat).
 */
export async function orderSubscription(
  ctx: AppContext,
  input: OrderInput,
): Promise<{ subscription: SubscriptionDto; created: boolean }> {
  if (input.consent !== true) throw new AppError('CONSENT_REQUIRED');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const company = await companyOfEmployee(tx, input.actor.companyId);
    assertOrderingOpen(company);
    const form = company.orderForm;
    const fields = validateOrderFields(form.fields, input.fields);
    const department = await resolveDepartment(tx, input.actor, company.id, input.departmentId);
    const catalog = await loadCatalog(tx);
    const category = catalog.categories.find((c) => c.id === input.categoryId && c.active);
    if (!category || (form.offeredCategoryIds && !form.offeredCategoryIds.includes(category.id))) {
      throw new AppError('CATEGORY_UNKNOWN');
    }
    const zoneIds = validateZoneSelection(input.zoneIds, catalog.zones, form.offeredZoneIds ?? undefined);
    const startDate = orderStartDate(osloToday(now));
    const split = splitCost(
      priceForMonth(catalog.prices, category.id, zoneIds.length, monthOf(startDate)),
      company.subsidy,
    );

    // One order at a time per employee: a parallel double click waits here, then sees the first.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`order:${company.id}:${input.actor.phone}`}))`,
    );
    const repeat = await recentIdenticalOrder(tx, input, { zoneIds, fields }, now);
    if (repeat) return { subscription: toSubscriptionDto(repeat, now), created: false };

    const language = input.language ?? (await employeeLanguage(tx, company.id, input.actor.phone));
    const { subscription, created } = await createSubscription(tx, ctx, {
      actor: input.actor,
      companyId: company.id,
      phone: input.actor.phone,
      firstName: input.firstName,
      lastName: input.lastName,
      categoryId: category.id,
      zoneIds,
      startDate,
      state: company.selfService === 'automatic' ? 'approved' : 'pending',
      source: 'employee',
      fields,
      departmentId: department?.id ?? null,
      consent: {
        termsText: companyTermsIn(
          { deductionTerms: company.deductionTerms, deductionTermsEn: company.orderForm.deductionTermsEn },
          language,
        ),
        at: now.toISOString(),
        priceOre: split.priceOre,
        companyShareOre: split.companyShareOre,
        deductionOre: split.deductionOre,
      },
      idempotencyKey: input.idempotencyKey ? `employee:${input.actor.phone}:${input.idempotencyKey}` : null,
      offeredZoneIds: form.offeredZoneIds,
      offeredCategoryIds: form.offeredCategoryIds,
      catalog,
      companyName: company.name,
    });
    if (created) {
      if (input.language) await setEmployeeLanguage(tx, company.id, input.actor.phone, input.language);
      await notifyOrder(tx, ctx, subscription);
    }
    return { subscription: toSubscriptionDto(subscription, now), created };
  });
}

/**
 * Issue 15: an order waiting for approval is confirmed to the employee by SMS and announced to
 * the administrators who chose to hear of new orders at once (the others get the daily digest).
 * An approved order's ticket SMS is the confirmation.
 */
async function notifyOrder(tx: Tx, ctx: AppContext, sub: SubscriptionRow) {
  if (sub.state !== 'pending') return;
  await smsEmployee(
    tx,
    ctx,
    sub,
    'order_received',
    { startDate: sub.startDate, needsApproval: true },
    `order-received:${sub.id}`,
  );
  await emailAdmins(tx, ctx, {
    companyId: sub.companyId,
    kind: 'admin_new_order',
    params: { employeeName: `${sub.firstName} ${sub.lastName}`, startDate: sub.startDate },
    idempotencyKey: `admin-new-order:${sub.id}`,
    who: (admin) => admin.newOrderNotice === 'immediate',
    actionable: true,
  });
}
