import fc from 'fast-check';

/** Text an attacker, a buggy client or an unlucky user might put in any field. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ unit: 'grapheme', maxLength: 64 }),
  fc.constantFrom(
    '\u0000',
    'before\u0000after',
    '\uD800', // a lone surrogate
    '\uFEFF\u202E🙂👨‍👩‍👧',
    "'; DROP TABLE whatsapp_messages; --",
    "' OR '1'='1",
    '$1; SELECT pg_sleep(10)',
    '\\x00\\u0000',
    '{"$ne": null}',
    '<script>alert(1)</script>',
    '../../../../etc/passwd',
    '%00%27',
    '',
    ' ',
  ),
  fc.integer({ min: 10_000, max: 400_000 }).map((n) => 'ü'.repeat(n)),
);

/** A JSON value made of hostile text, odd numbers and nesting (wrong types for whatever field it lands in). */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText,
    fc.constantFrom(null, true, false, 0, -1, 1e308, -0, 2 ** 53 + 1, 0.1),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileText, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** `[[[…]]]` or `{"a":{"a":…}}` nested `depth` deep, as JSON text. */
export const deeplyNested: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 100, max: 50_000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
  );

/** Timestamps a forger or a buggy client might write: off the calendar, out of PostgreSQL's range. */
export const hostileTimestamp: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '2024-13-45 25:61:61',
    '0000-01-01 00:00:00+00',
    '2024-02-30',
    '2023-02-29T10:00:00Z',
    '-271821-04-20',
    '+275760-09-13T00:00:00Z',
    '294277-01-01',
    '2024-05-01T24:00:00Z',
    '2024-05-01 10:00:00+99:99',
    '9999-12-31T23:59:59-14:00',
  ),
  fc
    .tuple(
      fc.integer({ min: -300_000, max: 300_000 }),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 99 }),
    )
    .map(([y, m, d, h]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')} ${h}:00:00`),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);

/** Keyset and id cursors as this API encodes them (base64url JSON), with forged contents. */
export const hostileCursor: fc.Arbitrary<string> = fc
  .oneof(
    fc
      .tuple(hostileTimestamp, fc.oneof(fc.uuid(), fc.constantFrom('-'.repeat(36), 'x', '\u0000', '')))
      .map((pair) => JSON.stringify(pair)),
    fc.uuid(),
    fc.constantFrom('-'.repeat(36), '[]', '[null,null]', '{}'),
    hostileText.filter((t) => t.length < 200),
  )
  .map((text) => Buffer.from(text).toString('base64url'));

/** JSON texts the database cannot store or a recursive walker cannot survive. */
export const hostileJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('{"name":"\\ud800"}', '{"text":"a\\udc00b"}', '["\\u0000"]', '{"\\ud83d":1}'),
  fc.integer({ min: 65, max: 100_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
  fc.integer({ min: 65, max: 100_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
);

type Json = Record<string, unknown> | unknown[];
type Path = Array<string | number>;

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const keys: Array<string | number> = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((key) => {
    const path = [...prefix, key];
    return [path, ...pathsOf((value as Record<string | number, unknown>)[key], path)];
  });
}

export type Mutation = { at: number; kind: 'replace' | 'delete' | 'wrap'; value: unknown };

/** Applies each mutation to one of the object's paths (chosen by `at`, modulo the path count). */
export function mutate(original: unknown, mutations: Mutation[]): unknown {
  const copy = structuredClone(original);
  for (const m of mutations) {
    const paths = pathsOf(copy);
    if (!paths.length) break;
    const path = paths[m.at % paths.length];
    const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as never)[key], copy as Json) as never;
    const key = path[path.length - 1];
    if (m.kind === 'delete') {
      if (Array.isArray(parent)) (parent as unknown[]).splice(key as number, 1);
      else delete (parent as Record<string, unknown>)[key];
    } else {
      (parent as Record<string | number, unknown>)[key] =
        m.kind === 'wrap' ? [(parent as Record<string | number, unknown>)[key]] : m.value;
    }
  }
  return copy;
}

export const mutations: fc.Arbitrary<Mutation[]> = fc.array(
  fc.record({
    at: fc.nat(),
    kind: fc.constantFrom('replace', 'delete', 'wrap') as fc.Arbitrary<Mutation['kind']>,
    value: hostileJson,
  }),
  { minLength: 1, maxLength: 4 },
);
