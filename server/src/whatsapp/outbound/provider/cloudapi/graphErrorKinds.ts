import type { ProviderFailureKind } from '../ProviderError';

/**
 * Graph and Cloud API error codes by how the dispatcher must treat them (Meta's error-code
 * reference). `auth` covers everything that stops the whole number, not only bad tokens:
 * permissions (10, 200–299, 131005), a restricted or locked account (368, 131031) and an
 * unregistered number (133010) — retrying other messages would fail the same way, so the tenant
 * pauses at once. Codes not listed fall back to the HTTP status.
 */
export const GRAPH_ERROR_KINDS: Readonly<Record<number, ProviderFailureKind>> = {
  // The message can never go as it is.
  100: 'permanent', // invalid parameter
  131008: 'permanent', // required parameter missing
  131009: 'permanent', // parameter value invalid
  131026: 'permanent', // undeliverable: not on WhatsApp, old client, terms not accepted
  131030: 'permanent', // recipient not in the test allow-list
  131047: 'permanent', // outside the 24-hour window: send a template instead
  131049: 'permanent', // per-user marketing limit: Meta asks to wait at least 24 hours
  131050: 'permanent', // the user stopped marketing messages
  131051: 'permanent', // unsupported message type
  131052: 'permanent', // media download error
  131053: 'permanent', // media upload error
  131062: 'permanent', // this message cannot go to a business-scoped user id
  130403: 'permanent', // the business blocked this user
  130472: 'permanent', // the user is part of a marketing experiment
  132000: 'permanent', // template parameter count mismatch
  132001: 'permanent', // template missing in that language or not approved
  132005: 'permanent', // translated text too long
  132007: 'permanent', // template format character policy violated
  132012: 'permanent', // template parameter format mismatch
  132015: 'permanent', // template paused
  132016: 'permanent', // template disabled
  132068: 'permanent', // flow blocked
  // Slow down.
  4: 'throttled', // app call-rate limit
  17: 'throttled', // user call-rate limit
  613: 'throttled', // call-rate limit (Graph)
  80004: 'throttled', // too many calls for this account
  80007: 'throttled', // WhatsApp Business Account rate limit
  130429: 'throttled', // Cloud API throughput reached
  131048: 'throttled', // spam rate limit
  131056: 'throttled', // pair rate limit: too many messages to this recipient
  // The credentials or the account are refused.
  10: 'auth',
  102: 'auth',
  190: 'auth',
  368: 'auth',
  131005: 'auth',
  131031: 'auth',
  133010: 'auth',
  // Temporary trouble on Meta's side.
  1: 'retryable',
  2: 'retryable',
  131000: 'retryable',
  131016: 'retryable',
  131057: 'retryable',
  133004: 'retryable',
};

/** Graph's permission errors span 200–299. */
export function graphErrorKind(code: number): ProviderFailureKind | undefined {
  return GRAPH_ERROR_KINDS[code] ?? (code >= 200 && code <= 299 ? 'auth' : undefined);
}
