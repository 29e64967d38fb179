const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** Strips whitespace (incl. NBSP); returns the 9 digits, or null when it is not 9 digits. */
export function normalizeOrgNumber(s: string): string | null {
  const digits = String(s).replace(/\s/g, '');
  return /^\d{9}$/.test(digits) ? digits : null;
}

/** Norwegian organisation number (Brønnøysund): 9 digits, MOD11 check digit. */
export function isValidOrgNumber(s: string): boolean {
  const digits = normalizeOrgNumber(s);
  if (!digits) return false;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  const r = sum % 11;
  if (r === 1) return false;
  const check = r === 0 ? 0 : 11 - r;
  return check === Number(digits[8]);
}
