import { ValidationError } from '../../errors/AppError';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A recipient's key inside a broadcast: E.164, or a business-scoped user id (`US.1349…`). */
export const PHONE_KEY = /^[\w.+-]{1,160}$/;

/**
 * Lists that page by a row key (not by time) keep their cursors opaque: the key of the last row,
 * base64url. The key is a row id unless the list says otherwise (`PHONE_KEY` for recipients).
 */
export const encodeIdCursor = (id: string | undefined) => (id ? Buffer.from(id).toString('base64url') : null);

export function decodeIdCursor(cursor: string | undefined, key: RegExp = UUID): string | undefined {
  if (!cursor) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!key.test(id))
    throw new ValidationError('Invalid cursor', [
      { field: 'cursor', message: 'is not a cursor this API issued' },
    ]);
  return id;
}
