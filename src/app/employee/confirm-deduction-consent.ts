import { findConsent, updateConsent } from '../../db/repositories/deduction-consents';
import { updateSubscription } from '../../db/repositories/subscriptions';
import { companyTermsIn } from '../../domain/company-texts';
import { AppError } from '../../domain/errors';
import type { Language } from '../../domain/message-catalogue';
import { formatNok } from '../../domain/money';
import { recordAudit } from '../audit';
import type { AppContext, EmployeeActor } from '../context';
import { employeeLanguage } from '../messages';
import { type MyConsentDto, toMyConsentDto } from './list-my-consents';
import { companyOfEmployee } from './order-company';

/**
 * Issue 15: the employee agrees to a higher deduction. Stored like the first consent (terms
 * text, amount, time) on the request and as the subscription's consent; from then on the
 * payroll basis no longer marks the row. Only the employee's own request; confirming again
 * returns the same consent; a withdrawn or unknown one is NOT_FOUND.
 */
export async function confirmDeductionConsent(
  ctx: AppContext,
  input: { actor: EmployeeActor; id: string; language?: Language; deductionOre: number },
): Promise<MyConsentDto> {
  const now = ctx.clock.now();
  const { companyId, phone } = input.actor;
  return ctx.db.transaction(async (tx) => {
    const row = await findConsent(tx, companyId, input.id, { forUpdate: true });
    if (!row || row.phone !== phone || row.status === 'withdrawn') throw new AppError('NOT_FOUND');
    // Agreeing is to the amount the employee saw: a request changed since (another change by the
    // company) is refused, and the page shows the new amount (hostile check, issue 15).
    if (row.deductionOre !== input.deductionOre) {
      throw new AppError('CONSENT_AMOUNT_CHANGED', {
        details: [{ path: 'body.deductionOre' }],
        params: {
          deductionNb: formatNok(row.deductionOre, 'nb'),
          deductionEn: formatNok(row.deductionOre, 'en'),
        },
      });
    }
    if (row.status === 'confirmed') return toMyConsentDto(tx, row, row.termsText ?? '');
    const company = await companyOfEmployee(tx, companyId);
    const language = input.language ?? (await employeeLanguage(tx, companyId, phone));
    const termsText = companyTermsIn(
      { deductionTerms: company.deductionTerms, deductionTermsEn: company.orderForm.deductionTermsEn },
      language,
    );
    const confirmed = await updateConsent(tx, companyId, row.id, {
      status: 'confirmed',
      termsText,
      confirmedAt: now,
    });
    const consent = {
      termsText,
      at: now.toISOString(),
      priceOre: row.priceOre,
      companyShareOre: row.companyShareOre,
      deductionOre: row.deductionOre,
    };
    await updateSubscription(tx, companyId, row.subscriptionId, { consent }, now);
    await recordAudit(tx, input.actor, now, {
      companyId,
      action: 'subscription.deduction_consented',
      entityType: 'subscription',
      entityId: row.subscriptionId,
      before: { consentedDeductionOre: row.consentedDeductionOre },
      after: { deductionOre: row.deductionOre, consentId: row.id },
    });
    return toMyConsentDto(tx, confirmed, termsText);
  });
}
