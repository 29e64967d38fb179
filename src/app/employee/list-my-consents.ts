import type { Tx } from '../../db/engine';
import type { DeductionConsentRow } from '../../db/repositories/deduction-consents';
import { openConsents } from '../../db/repositories/deduction-consents';
import { findSubscription } from '../../db/repositories/subscriptions';
import { companyTermsIn } from '../../domain/company-texts';
import type { Language } from '../../domain/message-catalogue';
import type { AppContext, EmployeeActor } from '../context';
import { employeeLanguage } from '../messages';
import { companyOfEmployee } from './order-company';

/** A higher deduction the employee is asked to agree to (or has agreed to): amounts in øre. */
export interface MyConsentDto {
  id: string;
  subscriptionId: string;
  status: 'open' | 'confirmed' | 'withdrawn';
  reason: DeductionConsentRow['reason'];
  consentedDeductionOre: number;
  deductionOre: number;
  priceOre: number;
  companyShareOre: number;
  effectiveFrom: string;
  categoryId: string;
  zoneIds: string[];
  /** The terms the employee agrees to (the company's, or the default in the employee's language). */
  termsText: string;
  confirmedAt: string | null;
}

export async function toMyConsentDto(tx: Tx, row: DeductionConsentRow, terms: string): Promise<MyConsentDto> {
  const sub = await findSubscription(tx, row.companyId, row.subscriptionId);
  return {
    id: row.id,
    subscriptionId: row.subscriptionId,
    status: row.status,
    reason: row.reason,
    consentedDeductionOre: row.consentedDeductionOre,
    deductionOre: row.deductionOre,
    priceOre: row.priceOre,
    companyShareOre: row.companyShareOre,
    effectiveFrom: row.effectiveFrom,
    categoryId: sub?.categoryId ?? '',
    zoneIds: sub?.zoneSets.at(-1)?.zoneIds ?? [],
    termsText: row.termsText ?? terms,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
  };
}

/** Issue 15: the employee's open requests to agree to a higher deduction, oldest first. */
export async function listMyConsents(
  ctx: AppContext,
  input: { actor: EmployeeActor; language?: Language },
): Promise<MyConsentDto[]> {
  const { companyId, phone } = input.actor;
  const company = await companyOfEmployee(ctx.db, companyId);
  const language = input.language ?? (await employeeLanguage(ctx.db, companyId, phone));
  const terms = companyTermsIn(
    { deductionTerms: company.deductionTerms, deductionTermsEn: company.orderForm.deductionTermsEn },
    language,
  );
  const rows = await openConsents(ctx.db, companyId, { phone });
  return Promise.all(rows.map((row) => toMyConsentDto(ctx.db, row, terms)));
}
