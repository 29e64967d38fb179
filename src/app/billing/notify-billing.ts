import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/engine';
import { subscriptionHolders } from '../../db/repositories/operator';
import { companies, users } from '../../db/schema';
import type { YearMonth } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { type BillingProblem, languageOf } from '../../domain/message-catalogue';
import type { AppContext } from '../context';
import { queueCatalogMessage } from '../messages';
import { emailAdmins } from '../subscriptions/notify-admins';
import type { IssuedInvoice } from './issue-invoices';

/**
 * Issue 15: each administrator of an invoiced company gets an email, in their language, that the
 * month's invoice is issued, with its number and total. Keyed per invoice and admin: a repeated
 * run (which issues nothing new) sends nothing; a reissued invoice after a credit note is a new
 * one. The admins of the whole batch are read in one query, so the set-based run (decision 005)
 * gains one statement per batch, plus one outbox row per admin.
 */
export async function announceInvoices(
  tx: Tx,
  ctx: AppContext,
  month: YearMonth,
  issued: IssuedInvoice[],
): Promise<void> {
  if (issued.length === 0) return;
  const admins = await tx
    .select({
      id: users.id,
      email: users.email,
      language: users.language,
      companyId: users.companyId,
      companyName: companies.name,
    })
    .from(users)
    .innerJoin(companies, eq(companies.id, users.companyId))
    .where(
      and(
        inArray(
          users.companyId,
          issued.map((i) => i.companyId),
        ),
        eq(users.role, 'company_admin'),
        isNull(users.disabledAt),
      ),
    );
  const byCompany = new Map(issued.map((i) => [i.companyId, i]));
  for (const admin of admins) {
    const invoice = admin.companyId ? byCompany.get(admin.companyId) : undefined;
    if (!invoice) continue;
    await queueCatalogMessage(tx, ctx, {
      kind: 'admin_invoice_issued',
      params: {
        companyName: admin.companyName,
        portalUrl: `${ctx.config.publicUrl}/bedrift`,
        month,
        invoiceNumber: String(invoice.number),
        totalOre: invoice.totalOre,
      },
      language: languageOf(admin.language),
      channel: 'email',
      to: admin.email.toLowerCase(),
      idempotencyKey: `invoice-issued:${invoice.id}:${admin.id}`,
      companyId: invoice.companyId,
    });
  }
}

const PROBLEM_CODES: ReadonlySet<string> = new Set(['PRICE_MISSING', 'ZONES_REQUIRED']);

/**
 * Issue 15, "billing problems": when the billing run stops because a company's ticket cannot be
 * priced (no price in the list, or no zones), that company's administrators are told that its
 * invoice for the month is delayed and why; the operator corrects it and runs again. Sent in a
 * transaction of its own, since the failed batch was rolled back. Keyed per company, month,
 * problem and ticket: a rerun that stops at the same ticket sends nothing new. Other errors (or a
 * problem that names no ticket) are the operator's alone and send nothing.
 */
export async function reportBillingProblem(ctx: AppContext, month: YearMonth, error: unknown): Promise<void> {
  if (!(error instanceof AppError) || !PROBLEM_CODES.has(error.code)) return;
  const subscriptionId = (error.details as { subscriptionId?: unknown } | undefined)?.subscriptionId;
  if (typeof subscriptionId !== 'string') return;
  await ctx.db.transaction(async (tx) => {
    const [holder] = await subscriptionHolders(tx, [subscriptionId]);
    if (!holder) return;
    const problem: BillingProblem = {
      code: error.code as BillingProblem['code'],
      holderName: `${holder.firstName} ${holder.lastName}`.trim(),
    };
    await emailAdmins(tx, ctx, {
      companyId: holder.companyId,
      kind: 'admin_billing_problem',
      params: { month, problems: [problem] },
      idempotencyKey: `billing-problem:${holder.companyId}:${month}:${error.code}:${subscriptionId}`,
    });
  });
}
