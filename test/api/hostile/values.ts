/**
 * Hostile values for the generated hostile-input test: strings an attacker would try (injection,
 * traversal, format strings, NUL, lone surrogates, huge), wrong types, deep nesting, bad ids and
 * cursors, plus "plausible" values built from a JSON Schema so that a request gets past the first
 * check often enough to reach deeper code.
 */
import fc from 'fast-check';
import type { JsonSchema } from './openapi.js';

export const INJECTION_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE tickets; --",
  '" OR ""="',
  '1) UNION SELECT password_hash FROM members --',
  "%' OR 1=1 --",
  '\\',
  "\\'; SELECT pg_sleep(0); --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '/etc/passwd',
  '....//....//etc/passwd',
  '%2e%2e%2f%2e%2e%2f',
  '%s%s%s%s%n',
  '%x%x%x',
  '{0}{1}',
  '${process.exit(1)}',
  '{{7*7}}',
  '#{7*7}',
  '\r\nX-Injected: 1',
  '\u202egnp.exe',
  '\uFEFF',
  '\ud800',
  '\udfff\ud800',
  '𝕏'.repeat(50),
  'a\u0000b',
  '\u0000',
  '',
  ' ',
  'null',
  'undefined',
  'NaN',
  '-1',
  '9'.repeat(400),
  '1e309',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'a@b',
  '@',
  `${'a'.repeat(300)}@x.io`,
  'me',
  'none',
];

/** Past every maxLength in the contracts but under the 1 MiB body limit, and past the body limit. */
const LONG = 'L'.repeat(100_001);
const HUGE = 'H'.repeat(1_100_000);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 60, arbitrary: fc.constantFrom(...INJECTION_STRINGS) },
  // NUL is refused at the boundary before anything else looks at a request, so the generated
  // strings leave it out and the listed ones above carry it: the rest then reaches deeper checks.
  { weight: 20, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((v) => v.replaceAll('\u0000', '')) },
  { weight: 10, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 10, arbitrary: fc.constantFrom(LONG, 'x'.repeat(5_000)) },
  { weight: 1, arbitrary: fc.constant(HUGE) },
);

function nested(depth: number, leaf: unknown, asObject: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asObject ? { a: value } : [value];
  return value;
}

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-1, 0, -0, 0.5, 1e308, -1e308, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, 1e-300, 86_400_000_000),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** A value of any (usually wrong) type, including deep nesting. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.array(fc.oneof(hostileString, hostileNumber), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, fc.oneof(hostileString, hostileNumber), { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(50, 1_000, 3_000), fc.boolean()).map(([d, o]) => nested(d, 'deep', o)) },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 20_000 }, (_, i) => i)) },
);

/** A value that satisfies the schema as far as cheaply possible, so a request reaches deeper code. */
export function plausible(schema: JsonSchema, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => plausible(s, ids, depth)));
  if (schema.allOf?.length) return plausible(schema.allOf[0]!, ids, depth);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'email') return fc.constantFrom('bill@initech.com', `new${Date.now()}@initech.com`, 'someone@elsewhere.test');
      if (schema.format === 'date-time') return fc.constantFrom(new Date().toISOString(), '2026-01-01T00:00:00.000Z');
      if (schema.format === 'date') return fc.constantFrom('2026-01-01', '2027-12-31');
      if (schema.format === 'uri' || schema.format === 'url') return fc.constantFrom('http://127.0.0.1:9/hook', 'https://example.test/x');
      if (schema.pattern) {
        try {
          const re = new RegExp(schema.pattern);
          return fc.stringMatching(re).filter((v) => v.length >= (schema.minLength ?? 0) && v.length <= (schema.maxLength ?? 200));
        } catch {
          // A pattern in a syntax JavaScript does not read: fall through to plain text.
        }
      }
      return fc
        .oneof(fc.constantFrom(...ids, 'text', 'tier1', 'Europe/Berlin', '09:00', '1.2.3'), fc.string({ minLength: 1, maxLength: 12 }))
        .map((v) => v.padEnd(schema.minLength ?? 0, 'x').slice(0, schema.maxLength ?? 200));
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? 0, -1000), max: Math.min(schema.maximum ?? 100, 1_000_000) });
    case 'number':
      return fc.double({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 100, 1e9), noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return depth > 3 || !schema.items ? fc.constant([]) : fc.array(plausible(schema.items, ids, depth + 1), { maxLength: 3 });
    case 'object':
      return depth > 3 ? fc.constant({}) : mutatedObject(schema, ids, depth + 1);
    default:
      return fc.oneof(hostileString, fc.integer());
  }
}

const OMIT = Symbol('omit');
const EXTRA_KEYS = ['__proto__', 'constructor', 'id', 'createdAt', 'accountId', 'role', 'isAdmin', ''];

/** An object after the schema: each field plausible, hostile or missing, sometimes with extra fields. */
export function mutatedObject(schema: JsonSchema, ids: string[], depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.entries(schema.properties ?? {});
  const record = fc.record(
    Object.fromEntries(
      fields.map(([key, sub]) => [
        key,
        fc.oneof(
          { weight: 5, arbitrary: plausible(sub, ids, depth) },
          { weight: 2, arbitrary: hostileValue },
          { weight: 1, arbitrary: fc.constant(OMIT) },
        ),
      ]),
    ),
  );
  const extras = fc.option(fc.dictionary(fc.oneof(fc.constantFrom(...EXTRA_KEYS), hostileString), hostileValue, { maxKeys: 2 }), {
    freq: 4,
  });
  return fc.tuple(record, extras).map(([values, extra]) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) if (value !== OMIT) out[key] = value;
    if (extra)
      for (const [key, value] of Object.entries(extra)) Object.defineProperty(out, key, { value, enumerable: true, writable: true });
    return out;
  });
}

/** An object whose fields are all plausible but one, which is hostile: the injection reaches the service. */
export function oneHostileField(schema: JsonSchema, ids: string[]): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.entries(schema.properties ?? {});
  if (!fields.length) return fc.dictionary(hostileString, hostileValue, { maxKeys: 2 });
  const required = new Set(schema.required ?? []);
  const base = fc.record(
    Object.fromEntries(
      fields.map(([key, sub]) => [key, required.has(key) ? plausible(sub, ids) : fc.oneof(plausible(sub, ids), fc.constant(OMIT))]),
    ),
  );
  // A text field mostly gets hostile text (SQL, markup, traversal) that it may well accept and store.
  const bad = fc
    .constantFrom(...fields)
    .chain(([key, sub]) =>
      fc
        .oneof({ weight: sub.type === 'string' ? 3 : 1, arbitrary: hostileString }, { weight: 1, arbitrary: hostileValue })
        .map((value) => [key, value] as const),
    );
  return fc.tuple(base, bad).map(([values, [key, value]]) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) if (v !== OMIT) out[k] = v;
    out[key] = value;
    return out;
  });
}

export function hostileId(realIds: string[]): fc.Arbitrary<{ raw: string; encode: boolean }> {
  const strange = [
    '',
    ' ',
    '..',
    '../',
    '../../etc/passwd',
    '..%2F..%2Fetc%2Fpasswd',
    '%2e%2e',
    '%00',
    'a%00b',
    '%C3%28',
    '%',
    '%zz',
    '%ff',
    'ü',
    '𝕏',
    '\u202e',
    '00000000-0000-0000-0000-000000000000',
    '0',
    '-1',
    '1e9',
    '9'.repeat(40),
    "1' OR '1'='1",
    '<script>',
    'x'.repeat(5_000),
    'me',
    'null',
  ];
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...strange).map((raw) => ({ raw, encode: !raw.includes('%') && !raw.includes('..') })) },
    {
      weight: 2,
      arbitrary: realIds.length
        ? fc.constantFrom(...realIds).map((raw) => ({ raw, encode: true }))
        : fc.constant({ raw: 'none', encode: true }),
    },
    { weight: 1, arbitrary: fc.uuid().map((raw) => ({ raw, encode: true })) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map((raw) => ({ raw, encode: true })) },
  );
}

export const hostileCursor: fc.Arbitrary<string> = fc.oneof(
  hostileString,
  fc.constantFrom('eyJ', 'eyJhIjoxfQ', '!!!!', '====', 'AAAA'),
  fc.jsonValue({ maxDepth: 2 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null').toString('base64url')),
  fc.tuple(hostileString, hostileValue).map(([k, v]) => Buffer.from(JSON.stringify({ k: v, id: k, v: v, s: v })).toString('base64url')),
  fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('base64url')),
);
