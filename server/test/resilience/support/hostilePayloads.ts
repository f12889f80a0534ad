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
