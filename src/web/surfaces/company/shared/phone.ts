/**
 * '+4791234567' → '+47 912 34 567'. The same grouping as formatPhoneNo in src/domain/phone.ts,
 * without pulling libphonenumber's metadata into the browser; other numbers are shown as stored.
 */
export function formatPhone(e164: string): string {
  const norwegian = /^\+47(\d{3})(\d{2})(\d{3})$/.exec(e164);
  return norwegian ? `+47 ${norwegian[1]} ${norwegian[2]} ${norwegian[3]}` : e164;
}
