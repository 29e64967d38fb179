import { and, eq } from 'drizzle-orm';
import { newTicketNumber, randomToken, sha256 } from '../../adapters/tokens';
import type { Tx } from '../../db/engine';
import { type CatalogSnapshot, loadCatalog } from '../../db/repositories/catalog';
import { findCompany } from '../../db/repositories/companies';
import {
  findSubscription,
  insertSubscription,
  insertZoneSet,
  listSubscriptions,
  lockEmployee,
  type SubscriptionWithZones,
} from '../../db/repositories/subscriptions';
import { subscriptions } from '../../db/schema';
import type { Consent } from '../../db/schema/subscriptions';
import { monthOf } from '../../domain/calendar';
import { type PriceVersion, priceForMonth, validateZoneSelection } from '../../domain/catalog';
import { AppError } from '../../domain/errors';
import { languageOf } from '../../domain/message-catalogue';
import { deriveStatus, isLive } from '../../domain/subscription';
import { normaliseText } from '../../domain/text';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { acceptSmsRecipient } from '../sms-recipient';
import { monthlySplit, reconsiderConsent } from './deduction-consent';
import { consentLink, queueTicketSms, smsEmployee } from './notify';
import { toSubscriptionDto } from './to-dto';

export interface CreateSubscriptionInput {
  actor: Actor;
  companyId: string;
  phone: string;
  firstName: string;
  lastName: string;
  categoryId: string;
  zoneIds: string[];
  startDate: string;
  state: 'pending' | 'approved';
  source: 'employee' | 'admin' | 'import' | 'category_change';
  fields?: Record<string, string | number | boolean>;
  /** The company department it belongs to (issue 16 item 3), checked by the caller. */
  departmentId?: string | null;
  consent?: Consent | null;
  /** The subscription this one replaces (category change): it may overlap, it is ending. */
  replacesId?: string | null;
  endDate?: string | null;
  idempotencyKey?: string | null;
  /** What the company offers (null = everything active). */
  offeredZoneIds?: string[] | null;
  offeredCategoryIds?: string[] | null;
  /** Send the ticket SMS when created approved (default true). */
  notify?: boolean;
  /** The company's name when the caller has read it (the ticket SMS names it; else read there). */
  companyName?: string;
  /** The fare catalog when the caller has read it in this transaction already (else read here). */
  catalog?: CatalogSnapshot;
}

const NAME = { max: 100, min: 1, personName: true } as const;

/** A name as on the ID through the text boundary (every source: order, by hand, import). */
function cleanName(value: string, field: string): string {
  const result = normaliseText(value, NAME);
  if (!result.ok)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: field, problem: result.problem, params: { max: NAME.max, min: NAME.min } }],
    });
  return result.value;
}

/**
 * Creates one subscription inside the caller's transaction: checks the ticket choice against the
 * catalog and the company's offer, keeps one live subscription per employee (rule 5), writes the
 * zone set and the audit entry, and queues the ticket SMS when it is approved.
 */
export async function createSubscription(
  tx: Tx,
  ctx: AppContext,
  input: CreateSubscriptionInput,
): Promise<{ subscription: SubscriptionWithZones; created: boolean }> {
  const now = ctx.clock.now();
  if (input.idempotencyKey) {
    const [existing] = await tx
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(
        and(
          eq(subscriptions.companyId, input.companyId),
          eq(subscriptions.idempotencyKey, input.idempotencyKey),
        ),
      );
    if (existing) {
      const found = await findSubscription(tx, input.companyId, existing.id);
      if (found) return { subscription: found, created: false };
    }
  }

  const phone = acceptSmsRecipient(ctx, input.phone);
  const firstName = cleanName(input.firstName, 'firstName');
  const lastName = cleanName(input.lastName, 'lastName');

  const catalog = input.catalog ?? (await loadCatalog(tx));
  const category = catalog.categories.find((c) => c.id === input.categoryId && c.active);
  const categoryOffered = !input.offeredCategoryIds || input.offeredCategoryIds.includes(input.categoryId);
  if (!category || !categoryOffered) throw new AppError('CATEGORY_UNKNOWN');
  const zoneIds = validateZoneSelection(input.zoneIds, catalog.zones, input.offeredZoneIds ?? undefined);
  priceForMonth(catalog.prices, category.id, zoneIds.length, monthOf(input.startDate));

  const employee = await lockEmployee(tx, input.companyId, phone, { firstName, lastName });
  const existing = await listSubscriptions(tx, input.companyId, { employeeId: employee.id });
  const live = existing.find((s) => s.id !== input.replacesId && isLive(deriveStatus(s, now)));
  if (live) throw new AppError('SUBSCRIPTION_EXISTS', { details: { subscriptionId: live.id } });

  const row = await insertSubscription(tx, {
    companyId: input.companyId,
    employeeId: employee.id,
    state: input.state,
    firstName,
    lastName,
    phone,
    categoryId: category.id,
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    fields: input.fields ?? {},
    departmentId: input.departmentId ?? null,
    consent: input.consent ?? null,
    source: input.source,
    replacesId: input.replacesId ?? null,
    decidedAt: input.state === 'approved' ? now : null,
    decidedBy: input.actor.type === 'company_admin' ? input.actor.userId : null,
    // The link's token is made when the ticket SMS is (notify.ts); until then no token opens it.
    ticketTokenHash: sha256(randomToken()),
    ticketNumber: newTicketNumber(),
    idempotencyKey: input.idempotencyKey ?? null,
    createdAt: now,
    updatedAt: now,
  });
  const zoneSet = await insertZoneSet(tx, {
    companyId: row.companyId,
    subscriptionId: row.id,
    zoneIds,
    validFrom: input.startDate,
  });
  const subscription: SubscriptionWithZones = { ...row, zoneSets: [zoneSet] };
  await recordAudit(tx, input.actor, now, {
    companyId: input.companyId,
    action: 'subscription.created',
    entityType: 'subscription',
    entityId: row.id,
    after: toSubscriptionDto(subscription, now),
  });
  const notify = row.state === 'approved' && input.notify !== false;
  const consent =
    row.state === 'approved' && !row.consent && (input.source === 'admin' || input.source === 'import')
      ? await requestConsentForCompanyTicket(tx, ctx, row, zoneIds.length, catalog.prices, !notify)
      : null;
  // One SMS: the ticket link, and the consent link when the deduction needs agreeing to.
  if (notify)
    await queueTicketSms(tx, ctx, row, undefined, consent, {
      companyName: input.companyName,
      language: languageOf(employee.language),
    });
  return { subscription, created: true };
}

/**
 * Issue 15 (a): a ticket the company made (by hand, by import, or re-added after an end) has no
 * deduction the employee agreed to: only their own order or confirmation is consent. When its
 * monthly deduction in the start month is above 0, a consent request opens (agreed 0 øre; the
 * payroll basis marks the row `consentMissing`), the admins are told (`reconsiderConsent`), and
 * the employee gets the consent link in their language: in the ticket SMS (returned for it), or
 * on its own (`consent_requested`) when no ticket SMS goes out now (`smsNow`). A fully subsidised
 * ticket (deduction 0) needs nothing.
 */
async function requestConsentForCompanyTicket(
  tx: Tx,
  ctx: AppContext,
  row: {
    id: string;
    companyId: string;
    phone: string;
    firstName: string;
    categoryId: string;
    startDate: string;
  },
  zoneCount: number,
  prices: PriceVersion[],
  smsNow: boolean,
): Promise<{ deductionOre: number; consentUrl: string } | null> {
  const company = await findCompany(tx, row.companyId);
  const split = monthlySplit(
    prices,
    company?.subsidy ?? { type: 'none' },
    { categoryId: row.categoryId, zoneCount },
    row.startDate,
  );
  if (!split) return null;
  const consent = await reconsiderConsent(tx, ctx, {
    companyId: row.companyId,
    subscription: row,
    reason: 'added',
    previousDeductionOre: 0,
    next: split,
    from: row.startDate,
  });
  if (!consent) return null;
  const consentUrl = await consentLink(tx, ctx, row.companyId);
  if (!smsNow) return { deductionOre: consent.deductionOre, consentUrl };
  await smsEmployee(
    tx,
    ctx,
    row,
    'consent_requested',
    {
      from: row.startDate,
      deductionOre: consent.deductionOre,
      consentUrl: await consentLink(tx, ctx, row.companyId),
    },
    `consent-requested:${row.id}:${consent.deductionOre}`,
  );
  return null;
}
