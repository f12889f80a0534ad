/** SPEC §20: a login code lives 10 minutes and takes 5 tries; a phone gets at most 5 codes an hour. */
export const LOGIN_CODE_TTL_MS = 10 * 60_000;
export const LOGIN_CODE_MAX_ATTEMPTS = 5;
export const LOGIN_CODES_PER_HOUR = 5;

/** A console session lasts a week from its last use. */
export const SESSION_IDLE_MS = 7 * 24 * 60 * 60_000;
/** Extending a session is a write: done at most once a minute per session. */
export const SESSION_TOUCH_MS = 60_000;

export const SESSION_COOKIE = 'wa_ops_session';
export const CSRF_HEADER = 'x-csrf-token';
