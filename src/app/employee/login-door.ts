import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/engine';
import { deductionConsents } from '../../db/schema';
import { companyByConsentToken } from '../companies/consent-link';
import { assertOrderingOpen, type CompanyRow, companyByOrderToken } from './order-company';

/**
 * The link an employee logs in through: the company's order link (open only while self-service
 * is on), or the consent link of issue 15 (b), which works whatever the order link and
 * self-service are, as long as the company is active.
 */
export type LoginDoor = { orderToken: string } | { consentToken: string };

/**
 * The company behind the door, or the door's error (ORDER_LINK_INVALID, SELF_SERVICE_DISABLED,
 * CONSENT_LINK_INVALID, CONSENT_COMPANY_INACTIVE).
 */
export async function companyAtDoor(
  tx: Tx,
  config: { SESSION_SECRET: string },
  door: LoginDoor,
): Promise<CompanyRow> {
  if ('consentToken' in door) return companyByConsentToken(tx, config, door.consentToken);
  const company = await companyByOrderToken(tx, door.orderToken);
  assertOrderingOpen(company);
  return company;
}

/**
 * Whether a login code may be sent to `phone` through this door: always through the order link;
 * through the consent link only to a number the company asked for consent (so the link cannot
 * be used to send codes to anyone while ordering is closed). The answer to the caller is the same
 * either way, so it reveals nothing.
 */
export async function maySendCode(
  tx: Tx,
  door: LoginDoor,
  companyId: string,
  phone: string,
): Promise<boolean> {
  if (!('consentToken' in door)) return true;
  const [row] = await tx
    .select({ id: deductionConsents.id })
    .from(deductionConsents)
    .where(and(eq(deductionConsents.companyId, companyId), eq(deductionConsents.phone, phone)))
    .limit(1);
  return row !== undefined;
}
