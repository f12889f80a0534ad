import type Joi from 'joi';
import { ValidationError, type FieldProblem } from '../../errors/AppError';

type Part = 'path' | 'query' | 'body';

/**
 * A body field the schema does not declare is refused (400 naming it), as the OpenAPI document
 * says (`additionalProperties: false`): a misspelt optional field must not vanish silently.
 * Unknown query parameters are ignored, as HTTP clients and proxies add their own.
 */
const OPTIONS: Record<Part, Joi.ValidationOptions> = {
  path: { abortEarly: false, stripUnknown: true, convert: true },
  query: { abortEarly: false, stripUnknown: true, convert: true },
  body: { abortEarly: false, stripUnknown: false, convert: true },
};

function validatePart(schema: Joi.ObjectSchema | undefined, value: unknown, part: Part) {
  if (!schema) return { value: {}, problems: [] as FieldProblem[] };
  const result = schema.validate(value ?? {}, OPTIONS[part]);
  const problems: FieldProblem[] = (result.error?.details ?? []).map((d) => ({
    field: d.path.length ? d.path.join('.') : part,
    message: d.message.replace(/^"[^"]*" /, ''),
    in: part,
  }));
  return { value: result.value as unknown, problems };
}

/** Every problem of every part in one 400 (`fields` names each), or the converted values. */
export function validateRequest(
  schemas: { params?: Joi.ObjectSchema; query?: Joi.ObjectSchema; body?: Joi.ObjectSchema },
  input: { params: unknown; query: unknown; body: unknown },
): { params: unknown; query: unknown; body: unknown } {
  const params = validatePart(schemas.params, input.params, 'path');
  const query = validatePart(schemas.query, input.query, 'query');
  const body = validatePart(schemas.body, input.body, 'body');
  const problems = [...params.problems, ...query.problems, ...body.problems];
  if (problems.length)
    throw new ValidationError(`Invalid ${[...new Set(problems.map((p) => p.field))].join(', ')}`, problems);
  return { params: params.value, query: query.value, body: body.value };
}
