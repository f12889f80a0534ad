/**
 * Rows for `jsonb_to_recordset(?::jsonb)`: a whole batch travels as one parameter, so a set-based
 * statement has the same text (and plan) for any batch size, on PostgreSQL and the embedded database.
 * Undefined becomes null (JSON would drop the key).
 */
export function jsonRecords(rows: readonly object[]): string {
  return JSON.stringify(rows, (_key, value: unknown) => (value === undefined ? null : value));
}
