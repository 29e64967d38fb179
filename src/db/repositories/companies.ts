import { eq } from 'drizzle-orm';
import type { Tx } from '../engine';
import { companies } from '../schema';

export type CompanyRow = typeof companies.$inferSelect;
export type CompanySettingsChanges = Partial<
  Pick<
    CompanyRow,
    | 'selfService'
    | 'subsidy'
    | 'orderForm'
    | 'deductionTerms'
    | 'orderTokenHash'
    | 'orderTokenSealed'
    | 'widgetOrigins'
    | 'name'
    | 'invoiceAddress'
    | 'status'
    | 'deactivatedAt'
    | 'invoiceSplit'
  >
>;

/** The session's company (a company admin only ever reaches their own). */
export async function findCompany(
  tx: Tx,
  companyId: string,
  options: { forUpdate?: boolean } = {},
): Promise<CompanyRow | null> {
  const query = tx.select().from(companies).where(eq(companies.id, companyId));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateCompany(
  tx: Tx,
  companyId: string,
  changes: CompanySettingsChanges,
  now: Date,
): Promise<CompanyRow> {
  const [row] = await tx
    .update(companies)
    .set({ ...changes, updatedAt: now })
    .where(eq(companies.id, companyId))
    .returning();
  if (!row) throw new Error('company not found for update');
  return row;
}
