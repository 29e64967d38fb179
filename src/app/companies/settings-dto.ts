import type { CompanyRow } from '../../db/repositories/companies';
import { followsPriceList } from '../../domain/deduction-terms';

/** What the settings page shows: the editable settings, plus name and invoice address read-only. */
export function toSettingsDto(company: CompanyRow) {
  return {
    company: {
      id: company.id,
      orgNumber: company.orgNumber,
      name: company.name,
      invoiceAddress: company.invoiceAddress ?? null,
    },
    selfService: company.selfService,
    subsidy: company.subsidy,
    orderForm: company.orderForm,
    deductionTerms: company.deductionTerms,
    /** English terms (issue 15.3), kept in the order form; empty when not written. */
    deductionTermsEn: company.orderForm.deductionTermsEn ?? '',
    /** Issue 15 (c): a price raise is covered by the terms (always with the default terms). */
    deductionFollowsPriceList: followsPriceList(
      company.deductionTerms,
      company.orderForm.deductionFollowsPriceList,
    ),
    widgetOrigins: company.widgetOrigins,
    /** Issue 16 item 3: one invoice for all (`company`) or one per department (`department`). */
    invoiceSplit: company.invoiceSplit,
  };
}

export type SettingsDto = ReturnType<typeof toSettingsDto>;
