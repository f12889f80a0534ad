import { ValidationError } from '../../errors/AppError';

/** Lists that page by row id (not by time) keep their cursors opaque: the id, base64url. */
export const encodeIdCursor = (id: string | undefined) => (id ? Buffer.from(id).toString('base64url') : null);

export function decodeIdCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9a-f-]{36}$/i.test(id))
    throw new ValidationError('Invalid cursor', [
      { field: 'cursor', message: 'is not a cursor this API issued' },
    ]);
  return id;
}
