/**
 * Search input for LIKE / ILIKE: `%`, `_` and `\` in what a person typed match themselves, never
 * as wildcards (PostgreSQL's default escape character is the backslash). Every LIKE in the
 * repositories builds its pattern here.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A pattern matching values that contain `text`. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** A pattern matching values that start with `text`. */
export function prefixPattern(text: string): string {
  return `${escapeLike(text)}%`;
}
