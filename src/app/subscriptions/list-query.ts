import { AppError } from '../../domain/errors';
import type { ListCursor, ListDirection, ListSort } from '../../domain/subscription-list';
import { checkOpaqueText } from '../../domain/text';

/** Opaque to clients: base64url of JSON. */
export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.dir, cursor.values, cursor.id])).toString(
    'base64url',
  );
}

function cursorError(): AppError {
  return new AppError('VALIDATION_FAILED', {
    details: [{ path: 'querystring.cursor', message: 'not a cursor from this list and sort' }],
  });
}

/**
 * Reads a cursor made by encodeCursor for the same sort and direction; anything else (edited,
 * from another sort) is VALIDATION_FAILED naming `cursor`, never a 500.
 */
export function decodeCursor(text: string, sort: ListSort, dir: ListDirection, arity: number): ListCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw cursorError();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw cursorError();
  const [s, d, values, id] = parsed as unknown[];
  const validValues =
    Array.isArray(values) &&
    values.length === arity &&
    values.every(
      (v) => (typeof v === 'string' && checkOpaqueText(v, 500) === null) || Number.isSafeInteger(v),
    );
  const validId = typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id);
  if (s !== sort || d !== dir || !validValues || !validId) throw cursorError();
  return { sort, dir, values: values as (string | number)[], id: id as string };
}
