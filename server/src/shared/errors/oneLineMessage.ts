/**
 * An error as one line for a person at a terminal. Database errors come from knex as
 * `<the SQL> - <what PostgreSQL said>`: the SQL is left out (it means nothing to an operator and
 * may carry values), the SQLSTATE kept.
 */
export function oneLineMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error).split('\n')[0];
  const db = error as Error & { severity?: unknown; code?: unknown };
  if (typeof db.severity === 'string' && typeof db.code === 'string') {
    const at = error.message.lastIndexOf(' - ');
    const said = at >= 0 ? error.message.slice(at + 3) : error.message;
    return `database error ${db.code}: ${said.split('\n')[0]}`;
  }
  return error.message.split('\n')[0];
}
