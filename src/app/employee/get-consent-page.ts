import { companyByConsentToken } from '../companies/consent-link';
import type { AppContext } from '../context';

/** GET /api/consent/{consentToken}: what the consent link's page needs before and after login. */
export interface ConsentPageDto {
  company: { name: string };
  /** The signed-in employee's number when the session is of this company, else null. */
  signedInPhone: string | null;
}

/**
 * Issue 15 (b): the consent link's page data. Works whatever the order link and self-service
 * are; a link not ours is CONSENT_LINK_INVALID (404), a deactivated company
 * CONSENT_COMPANY_INACTIVE (410), each told to the person in their language.
 */
export async function getConsentPage(
  ctx: AppContext,
  input: { consentToken: string; viewer: { companyId: string | null; phone: string | null } | null },
): Promise<ConsentPageDto> {
  const company = await companyByConsentToken(ctx.db, ctx.config, input.consentToken);
  const signedInPhone = input.viewer?.companyId === company.id ? (input.viewer.phone ?? null) : null;
  return { company: { name: company.name }, signedInPhone };
}
