import type { CompanyRow } from '../../db/repositories/companies';

/** The Peppol scheme of a Norwegian organisation number (EAS 0192). */
export const ORGNR_SCHEME = '0192';

/**
 * The EAS codes (Peppol endpoint schemes) a buyer may be reached by here: the Norwegian
 * organisation number, GLN, and the company registers of the Nordic and nearby countries.
 * Another code would fail the Peppol rules on the invoice, so it is refused when entered.
 */
export const ENDPOINT_SCHEMES = [
  '0192',
  '0088',
  '0007',
  '0184',
  '0216',
  '0208',
  '0106',
  '0204',
  '9930',
  '9957',
];

/**
 * Issue 16 item 5: a company's master data as its full admins and the operator read and edit it.
 * The next invoice takes the name and invoice details from here (the billing run snapshots them).
 */
export function toMasterDataDto(row: CompanyRow) {
  const a = row.invoiceAddress;
  return {
    orgNumber: row.orgNumber,
    name: row.name,
    invoiceAddress: a ? { street: a.street, postalCode: a.postalCode, city: a.city } : null,
    invoiceEmail: a?.email ?? null,
    buyerReference: a?.reference ?? null,
    /** `scheme:id`; the organisation number (0192) unless another endpoint was set. */
    peppolEndpoint: a?.peppolEndpoint ?? `${ORGNR_SCHEME}:${row.orgNumber}`,
    status: row.status,
  };
}

export type MasterDataDto = ReturnType<typeof toMasterDataDto>;
