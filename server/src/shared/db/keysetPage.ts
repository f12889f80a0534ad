import type { Knex } from 'knex';
import { isIsoTimestamp } from '../clock/calendar';
import { ValidationError } from '../errors/AppError';
import { PHONE_KEY, UUID } from '../http/api/idCursor';
import type { Database } from './Database';

export interface PageRequest {
  limit: number;
  cursor?: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Opaque to clients: the last row's (timestamp at full microsecond precision, id). */
const encode = (ts: string, id: string) => Buffer.from(JSON.stringify([ts, id])).toString('base64url');

/**
 * A forged cursor must fail here, not in the database: the timestamp must be a real one within
 * PostgreSQL's range (not `2024-13-45 25:61:61` or year 0000), the key a uuid or a phone key.
 */
function decode(cursor: string, uuidKey: boolean): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      isIsoTimestamp(value[0]) &&
      typeof value[1] === 'string' &&
      (uuidKey ? UUID : PHONE_KEY).test(value[1])
    )
      return [value[0], value[1]];
  } catch {
    // falls through to the validation error
  }
  throw new ValidationError('Invalid cursor', [
    { field: 'cursor', message: 'is not a cursor this API issued', in: 'query' },
  ]);
}

export interface KeysetColumns {
  at: string;
  id: string;
  textKey?: boolean;
}

/** Keeps the rows after `cursor` (older than the last row of the previous page); none: all. */
export function afterCursor(
  query: Knex.QueryBuilder,
  cursor: string | undefined,
  columns: KeysetColumns,
): void {
  if (!cursor) return;
  const [ts, id] = decode(cursor, !columns.textKey);
  const cast = columns.textKey ? 'text' : 'uuid';
  query.whereRaw(`(??, ??) < (?::timestamptz, ?::${cast})`, [columns.at, columns.id, ts, id]);
}

/**
 * Newest first, keyset-paginated on (`column`, `idColumn`): stable under inserts, and served by an
 * index on (tenant_id, column, id). The query must select its columns explicitly.
 */
export async function keysetPage<Row extends object>(
  db: Database,
  query: Knex.QueryBuilder,
  page: PageRequest,
  columns: KeysetColumns = { at: 'created_at', id: 'id' },
): Promise<{ rows: Row[]; nextCursor: string | null }> {
  afterCursor(query, page.cursor, columns);
  const rows = (await query
    .select(db.knex.raw('??::text as page_at', [columns.at]))
    .orderBy([
      { column: columns.at, order: 'desc' },
      { column: columns.id, order: 'desc' },
    ])
    .limit(page.limit + 1)) as Array<Row & { page_at: string; id: string }>;
  const more = rows.length > page.limit;
  const kept = rows.slice(0, page.limit);
  const last = kept[kept.length - 1];
  const idKey = columns.id.split('.').pop() as 'id';
  return {
    rows: kept,
    nextCursor: more && last ? encode(last.page_at, String(last[idKey])) : null,
  };
}
