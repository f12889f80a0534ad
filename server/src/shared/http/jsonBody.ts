import express, { type RequestHandler } from 'express';
import { ValidationError } from '../errors/AppError';
import { exceedsNesting } from './exceedsNesting';
import { unstorableTextAt } from './unstorableTextAt';

/** API bodies nest about five levels (a template call's buttons); far deeper is no request of ours. */
export const MAX_JSON_NESTING = 64;
const ENCODED_NUL = /%00/;

const tooDeep = () =>
  new ValidationError(
    `Request body nests deeper than ${MAX_JSON_NESTING} levels`,
    [{ field: 'body', message: 'nested too deeply', in: 'body' }],
    'MALFORMED_BODY',
  );

/**
 * PostgreSQL text cannot hold the NUL character (22021) and jsonb no unpaired surrogate (22P02):
 * such a value would fail inside the database as a 500. No field of the API can hold either, so
 * a request carrying one (path, query, JSON body) is refused up front with 400 naming the field.
 */
const refuseUnstorableText: RequestHandler = (req, _res, next) => {
  if (ENCODED_NUL.test(req.originalUrl))
    return next(
      new ValidationError(
        'Request contains a NUL character',
        [{ field: 'request', message: 'must not contain \\u0000' }],
        'NUL_CHARACTER',
      ),
    );
  const found = unstorableTextAt(req.body);
  if (!found) return next();
  const nul = found.kind === 'nul';
  next(
    new ValidationError(
      `${found.field} contains ${nul ? 'a NUL character' : 'an unpaired UTF-16 surrogate'}`,
      [
        {
          field: found.field,
          message: nul ? 'must not contain \\u0000' : 'must be valid Unicode',
          in: 'body',
        },
      ],
      nul ? 'NUL_CHARACTER' : 'UNPAIRED_SURROGATE',
    ),
  );
};

/**
 * The JSON body parser of the API: the nesting is measured on the raw text before parsing (a
 * refusal from `verify` reaches the error middleware as the ValidationError it is), then the
 * parsed value is scanned without recursion for text the database cannot store.
 */
export function jsonBody(limit: string): RequestHandler[] {
  return [
    express.json({
      limit,
      verify: (_req, _res, raw, encoding) => {
        if (exceedsNesting(raw.toString(encoding as BufferEncoding), MAX_JSON_NESTING)) throw tooDeep();
      },
    }),
    refuseUnstorableText,
  ];
}
