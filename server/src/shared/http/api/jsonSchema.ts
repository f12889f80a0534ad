import type Joi from 'joi';
import parse from 'joi-to-json';

export type JsonSchema = Record<string, unknown> & {
  properties?: Record<string, unknown>;
  required?: string[];
};

/** A response schema as JSON Schema (OpenAPI 3.1), as joi-to-json converts it. */
export const toJsonSchema = (schema: Joi.Schema): JsonSchema =>
  parse(schema as never, 'open-api-3.1') as JsonSchema;

/**
 * A request schema as JSON Schema, saying what the validator enforces where joi-to-json does not:
 * - joi refuses `''` for a string unless it allows it: `minLength: 1`;
 * - an object-level `when` becomes `if`/`then`, whose `then` holds only the keys it adds: it must
 *   not also forbid every other key (the object itself says `additionalProperties`).
 */
export function requestJsonSchema(schema: Joi.Schema): JsonSchema {
  const described = nonEmptyStrings(schema.describe());
  const json = parse({ describe: () => described } as never, 'open-api-3.1') as JsonSchema;
  return openConditionalBranches(json) as JsonSchema;
}

type Node = Record<string, unknown>;

function nonEmptyStrings(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nonEmptyStrings);
  if (!node || typeof node !== 'object') return node;
  const copy = Object.fromEntries(
    Object.entries(node as Node).map(([k, v]) => [k, nonEmptyStrings(v)]),
  ) as Node;
  if (copy.type !== 'string') return copy;
  const rules = (copy.rules as Array<{ name: string }> | undefined) ?? [];
  const allowsEmpty = ((copy.allow as unknown[] | undefined) ?? []).includes('');
  if (allowsEmpty || rules.some((r) => ['min', 'length'].includes(r.name))) return copy;
  return { ...copy, rules: [...rules, { name: 'min', args: { limit: 1 } }] };
}

function openConditionalBranches(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(openConditionalBranches);
  if (!node || typeof node !== 'object') return node;
  const copy = Object.fromEntries(
    Object.entries(node as Node).map(([k, v]) => [k, openConditionalBranches(v)]),
  ) as Node;
  if ('if' in copy)
    for (const branch of ['then', 'else'])
      if (copy[branch] && typeof copy[branch] === 'object')
        delete (copy[branch] as Node).additionalProperties;
  return copy;
}
