import { eq } from 'drizzle-orm';
import { hmacBase64url, safeEqual } from '../../adapters/tokens';
import type { Tx } from '../../db/engine';
import { isUuid } from '../../db/repositories/subscriptions';
import { companies } from '../../db/schema';
import { AppError } from '../../domain/errors';

/**
 * Issue 15 (b): the consent link lives apart from the order link. Its token is the company's id
 * signed with SESSION_SECRET (HMAC-SHA256, purpose "consent-link"): `{companyId}-{signature}`
 * (URL-safe characters only, so request logs redact it like the other link tokens).
 * Rotating the order link or turning self-service off leaves it working; only a new
 * SESSION_SECRET ends it. The token opens nothing by itself: the employee still logs in with the
 * SMS code, and only a number with a consent request of the company gets one.
 */
export function consentToken(config: { SESSION_SECRET: string }, companyId: string): string {
  return `${companyId}-${hmacBase64url(config.SESSION_SECRET, `consent-link:${companyId}`)}`;
}

type CompanyRow = typeof companies.$inferSelect;

/**
 * The company behind a consent link. A token that is not ours (or names no company) is
 * CONSENT_LINK_INVALID (404). A deactivated company's consent has no meaning: CONSENT_COMPANY_INACTIVE
 * (410), which the page turns into a clear, translated notice.
 */
export async function companyByConsentToken(
  tx: Tx,
  config: { SESSION_SECRET: string },
  token: string,
): Promise<CompanyRow> {
  const companyId = token.slice(0, 36);
  if (!isUuid(companyId) || !safeEqual(consentToken(config, companyId), token)) {
    throw new AppError('CONSENT_LINK_INVALID');
  }
  const [company] = await tx.select().from(companies).where(eq(companies.id, companyId));
  if (!company) throw new AppError('CONSENT_LINK_INVALID');
  if (company.status !== 'active') throw new AppError('CONSENT_COMPANY_INACTIVE');
  return company;
}
