const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);
/**
 * PostgreSQL SQLSTATEs that say "not now" rather than "not this": class 08 (connection exception),
 * class 53 (insufficient resources: too many connections, disk full, out of memory), 55000 (object
 * not in prerequisite state, e.g. a database not accepting connections yet) and 57P0x (admin or
 * crash shutdown, cannot connect now, database dropped, idle session timeout).
 */
const SQLSTATE_UNAVAILABLE = /^(08...|53...|55000|57P0.)$/;

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
