import fc from 'fast-check';

/**
 * fast-check arbitraries from the JSON Schemas of an OpenAPI 3.1 document, for the fuzz test of
 * every operation (issue 14, item 3). Each value follows its schema most of the time and is
 * hostile otherwise: NUL and other control characters, lone surrogates, bidi overrides, U+FFFD,
 * huge strings, wrong types, huge and negative numbers, deep nesting.
 */

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  $ref?: string;
};

/** Strings that have broken things somewhere: the hostile half of every string. */
export const HOSTILE_STRINGS = [
  '\u0000',
  'X\u0000Y',
  '\u0001\u0002\u001b[31m',
  '\u0085\u009f',
  '\uD800',
  'a\uDFFFb',
  '\u202Eadmin\u202C',
  '\u2066x\u2069',
  '\uFFFD',
  '\uFEFF',
  'Trine \uFFFDdeg\uFFFDrd',
  'line\nbreak\r\n',
  '',
  ' ',
  'A\u030Ase',
  '=2+3',
  '@SUM(A1)',
  '-1',
  '0',
  'NaN',
  '1e999',
  '9'.repeat(400),
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '../../etc/passwd',
  '%00',
  '%ED%A0%80',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  '0000-01',
  '0001-01-01',
  '2999-01-01',
  '2027-02-30',
  '2027-13',
  '-000001-01',
  '+275760-09-13',
  '9999-12-31T23:59:59Z',
  '00000000-0000-0000-0000-000000000000',
  '000000000',
  '\u{1F600}\u{1F468}\u200D\u{1F469}',
  'a'.repeat(100_000),
];

function deep(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

const anyUnit = fc.nat(0xffff).map((c) => String.fromCharCode(c));

/** A value of any shape that is hostile wherever it lands. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: anyUnit, maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      false,
      0,
      -1,
      -(2 ** 31),
      2 ** 31,
      2 ** 53,
      Number.MAX_SAFE_INTEGER + 2,
      1e308,
      -1e308,
      0.5,
      -0.0001,
      [],
      {},
      [null],
      { __proto__: { polluted: true } },
      JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(deep(50), deep(500)) },
);

/** Realistic strings the product knows, so that valid requests get past the first checks. */
export interface Known {
  strings: string[];
}

function resolve(schema: JsonSchema, root: unknown): JsonSchema {
  if (!schema.$ref) return schema;
  const path = schema.$ref.replace(/^#\//, '').split('/');
  let node: unknown = root;
  for (const part of path) node = (node as Record<string, unknown>)[part];
  return resolve(node as JsonSchema, root);
}

function stringArb(s: JsonSchema, known: Known): fc.Arbitrary<string> {
  if (s.format === 'date') return fc.constantFrom('2027-02-01', '2027-03-01', '2027-01-15', '2026-12-31');
  if (s.format === 'date-time') return fc.constant('2027-01-20T10:00:00+01:00');
  if (s.format === 'email') return fc.constantFrom('fuzz@example.no', 'operator@example.no');
  if (s.format === 'uuid') return fc.uuid();
  if (s.pattern?.startsWith('^20\\d{2}-(0[1-9]')) return fc.constantFrom('2026-12', '2027-01', '2027-02');
  const max = Math.min(s.maxLength ?? 40, 40);
  const min = Math.min(s.minLength ?? 0, max);
  const random = fc.string({ minLength: min, maxLength: max });
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known.strings) },
    { weight: 1, arbitrary: random },
  );
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 100_000);
  const lo = Math.max(min, -1e9);
  const hi = Math.max(lo, Math.min(max, 1e9));
  return integer
    ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) })
    : fc.double({ min: lo, max: hi, noNaN: true });
}

/** A value for `schema`: following it mostly (weight 5), hostile sometimes (weight 1). */
export function arbitraryFor(
  schema: JsonSchema | undefined,
  root: unknown,
  known: Known,
  depth = 0,
): fc.Arbitrary<unknown> {
  const valid = validFor(schema, root, known, depth);
  return fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: hostileValue });
}

function validFor(
  schema: JsonSchema | undefined,
  root: unknown,
  known: Known,
  depth: number,
): fc.Arbitrary<unknown> {
  if (!schema || depth > 8) return fc.constant(null);
  const s = resolve(schema, root);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => arbitraryFor(a, root, known, depth + 1)));
  if (s.allOf?.[0]) return validFor(s.allOf[0], root, known, depth + 1);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : ['object'];
  if (types.length > 1) return fc.oneof(...types.map((type) => validFor({ ...s, type }, root, known, depth)));
  switch (types[0]) {
    case 'object': {
      const entries = Object.entries(s.properties ?? {}).map(
        ([key, child]) => [key, arbitraryFor(child, root, known, depth + 1)] as const,
      );
      const record = fc.record(Object.fromEntries(entries), { requiredKeys: s.required ?? [] });
      if (typeof s.additionalProperties !== 'object') return record;
      const extra = fc.dictionary(
        s.propertyNames
          ? (stringArb(s.propertyNames, known) as fc.Arbitrary<string>)
          : fc.string({ maxLength: 20 }),
        arbitraryFor(s.additionalProperties, root, known, depth + 1),
        { maxKeys: 4 },
      );
      return fc.tuple(record, extra).map(([a, b]) => ({ ...b, ...a }));
    }
    case 'array':
      return fc.array(arbitraryFor(s.items, root, known, depth + 1), {
        minLength: Math.min(s.minItems ?? 0, 4),
        maxLength: Math.max(Math.min(s.maxItems ?? 4, 4), Math.min(s.minItems ?? 0, 4)),
      });
    case 'string':
      return stringArb(s, known);
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.anything();
  }
}

/** Percent-encodes any value for a path or query, including a lone surrogate (as broken UTF-8). */
export function encodePart(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}
