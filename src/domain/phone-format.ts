/**
 * How every screen shows a Norwegian phone number (issue 14, item 10): '+4741234501',
 * '004741234501', '41234501' or '412 34 501' → '+47 412 34 501'. Anything else is shown as it
 * is. Pure and dependency-free, so the browser uses it without libphonenumber's metadata.
 */
export function formatPhone(value: string): string {
  const compact = value.replace(/[\s.-]/g, '');
  const norwegian = /^(?:\+47|0047)?(\d{3})(\d{2})(\d{3})$/.exec(compact);
  return norwegian ? `+47 ${norwegian[1]} ${norwegian[2]} ${norwegian[3]}` : value;
}
