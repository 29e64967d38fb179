import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/engine';
import { companies } from '../../db/schema';
import { AppError } from '../../domain/errors';
import { orderTokenHash } from '../companies/order-token';

export type CompanyRow = typeof companies.$inferSelect;

/**
 * The company behind an order link (rule 3). An unknown or rotated token, or a deactivated
 * company, is ORDER_LINK_INVALID: the token is the only way in, so nothing else is revealed.
 */
export async function companyByOrderToken(tx: Tx, orderToken: string): Promise<CompanyRow> {
  const [company] = orderToken
    ? await tx
        .select()
        .from(companies)
        .where(eq(companies.orderTokenHash, orderTokenHash(orderToken)))
    : [];
  if (company?.status !== 'active') throw new AppError('ORDER_LINK_INVALID');
  return company;
}

/** The employee's company (from the session). */
export async function companyOfEmployee(tx: Tx, companyId: string): Promise<CompanyRow> {
  const [company] = await tx.select().from(companies).where(eq(companies.id, companyId));
  if (!company) throw new AppError('UNAUTHENTICATED');
  return company;
}

/** Rule 2: with self-service disabled (or the company deactivated) no order or login is taken. */
export function assertOrderingOpen(company: CompanyRow): void {
  if (company.selfService === 'disabled' || company.status !== 'active') {
    throw new AppError('SELF_SERVICE_DISABLED');
  }
}
