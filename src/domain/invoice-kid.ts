import { AppError } from './errors';

/** Norwegian KID (customer identification number) with a MOD10 (Luhn) check digit. */
export const KID_BODY_LENGTH = 9;

/** MOD10 check digit of a digit string (weights 2,1,2,1… from the right). */
export function mod10CheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new AppError('VALIDATION_FAILED', { details: { kid: digits } });
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The KID of an invoice: its number, zero-padded to 9 digits, plus the MOD10 check digit. */
export function kidForInvoiceNumber(invoiceNumber: number): string {
  if (!Number.isSafeInteger(invoiceNumber) || invoiceNumber < 1) {
    throw new AppError('VALIDATION_FAILED', { details: { invoiceNumber } });
  }
  const body = String(invoiceNumber).padStart(KID_BODY_LENGTH, '0');
  return `${body}${mod10CheckDigit(body)}`;
}

export function isValidKid(kid: string): boolean {
  if (!/^\d{2,25}$/.test(kid)) return false;
  return mod10CheckDigit(kid.slice(0, -1)) === Number(kid.at(-1));
}
