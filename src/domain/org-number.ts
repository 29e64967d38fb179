const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** Strips whitespace (incl. NBSP); returns the 9 digits, or null when it is not 9 digits. */
export function normalizeOrgNumber(s: string): string | null {
  const digits = String(s).replace(/\s/g, '');
  return /^\d{9}$/.test(digits) ? digits : null;
}

/**
 * Norwegian organisation number (Brønnøysund): 9 digits, MOD11 check digit (weights 3 2 7 6 5 4 3 2;
 * remainder 0 → check digit 0, remainder 1 → no valid number), and not all zeros (issue 14:
 * `000000000` passes MOD11 but is no organisation).
 */
export function isValidOrgNumber(s: string): boolean {
  const digits = normalizeOrgNumber(s);
  if (!digits || /^0+$/.test(digits)) return false;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  const r = sum % 11;
  if (r === 1) return false;
  const check = r === 0 ? 0 : 11 - r;
  return check === Number(digits[8]);
}

/** '974760673' → '974 760 673', the grouping people read and type; anything else unchanged. */
export function formatOrgNumber(s: string): string {
  const digits = normalizeOrgNumber(s);
  return digits ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : s;
}
