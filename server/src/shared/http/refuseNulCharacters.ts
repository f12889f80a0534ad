import type { RequestHandler } from 'express';
import { ValidationError } from '../errors/AppError';

const ENCODED_NUL = /%00/;

function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).some(([key, v]) => key.includes('\u0000') || holdsNul(v));
  return false;
}

/**
 * PostgreSQL text cannot hold the NUL character: a query parameter carrying one fails inside the
 * database (22021), which would surface as a 500. No field of the API can hold it either, so a
 * request with a NUL anywhere (path, query, JSON body) is refused up front with 400.
 */
export const refuseNulCharacters: RequestHandler = (req, _res, next) => {
  if (ENCODED_NUL.test(req.originalUrl) || holdsNul(req.body))
    return next(
      new ValidationError(
        'Request contains a NUL character',
        [{ field: 'request', message: 'must not contain \\u0000' }],
        'NUL_CHARACTER',
      ),
    );
  next();
};
