/**
 * The operator as the seller on every invoice. EXAMPLE DETAILS, like the shipped catalog: an
 * operator deploying the product puts its own organisation number, address and account here.
 */
export const seller = {
  orgNumber: '987654325',
  name: 'Agder Kollektivtrafikk AS (eksempel)',
  street: 'Tordenskjolds gate 9',
  postalCode: '4612',
  city: 'Kristiansand',
  countryCode: 'NO',
  email: 'faktura@akt.example',
  phone: '+47 38 00 00 00',
  /** Norwegian bank account (11 digits, MOD11), the PaymentMeans account of the EHF. */
  bankAccount: '15030000002',
  /** Days from the issue date to the due date. */
  paymentTermsDays: 14,
  /** Registered in Foretaksregisteret (required wording on Norwegian invoices, EHF NO-R-002). */
  registeredInForetaksregisteret: true,
} as const;

/** The seller's VAT id as the EHF wants it: NO + organisation number + MVA. */
export const sellerVatId = `NO${seller.orgNumber}MVA`;
