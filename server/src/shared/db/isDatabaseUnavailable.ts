const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);
// PostgreSQL SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, crash).
const SQLSTATE_UNAVAILABLE = /^(08|57P)/;

/** True when the failure says "the database is not there right now", as opposed to a bad query. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: string };
  if (e.name === 'KnexTimeoutError') return true;
  if (e.code && (NETWORK_CODES.has(e.code) || SQLSTATE_UNAVAILABLE.test(e.code))) return true;
  return /Connection terminated|connection is closed|Client has encountered a connection error|PGlite is closed/i.test(
    e.message,
  );
}
