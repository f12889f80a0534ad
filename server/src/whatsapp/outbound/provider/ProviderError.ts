/**
 * How the dispatcher must treat a failed provider call:
 * `retryable` — network, timeouts, 5xx, transient codes: back off and try again;
 * `throttled` — rate limits and pacing: wait longer, counts towards sustained-throttling panic;
 * `permanent` — the message can never go as it is (window closed, bad recipient, template issue);
 * `auth` — the credentials are refused: panic mode for the tenant at once.
 */
export type ProviderFailureKind = 'retryable' | 'throttled' | 'permanent' | 'auth';

export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderFailureKind,
    /** The provider's own code as a string (`131047`, `63016`, `http_503`, `network`). */
    readonly code: string,
    /** The provider's title or message, safe to store and show to staff. */
    readonly title: string,
    readonly details: { httpStatus?: number; retryAfterMs?: number; traceId?: string } = {},
  ) {
    super(`${kind} provider failure ${code}: ${title}`);
    this.name = 'ProviderError';
  }

  get retryable(): boolean {
    return this.kind === 'retryable' || this.kind === 'throttled';
  }
}
