/** A readable id from a name, as in the example catalog: "Evje og Hornnes" → "evje-og-hornnes". */
export function idFromName(name: string): string {
  const folded = name
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  return (
    folded
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64) || 'sone'
  );
}
