/** A stable key for a new extra field, from its label: 'Ansattnummer' → 'ansattnummer'. */
export function fieldKeyFor(label: string, taken: Set<string>): string {
  const base =
    label
      .toLowerCase()
      .replaceAll('æ', 'ae')
      .replaceAll('ø', 'o')
      .replaceAll('å', 'a')
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 34) || 'felt';
  // The API wants a letter first: letters, digits, - and _, at most 40 characters.
  const safe = /^[a-z]/.test(base) ? base : `felt_${base}`;
  let key = safe;
  for (let n = 2; taken.has(key); n++) key = `${safe}_${n}`;
  return key;
}
