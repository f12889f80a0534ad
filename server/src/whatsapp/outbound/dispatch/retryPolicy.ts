import type { ProviderError } from '../provider/ProviderError';

export const MAX_SEND_ATTEMPTS = 5;
const BASE_MS = 2_000;
const CAP_MS = 5 * 60_000;

/** Exponential backoff with full jitter: a random delay up to base·2^(attempt-1), capped. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * How long to wait before the next attempt of a message that failed its `attempts`-th try, or
 * undefined when it must fail now (a permanent failure, or the attempts are used up). A provider's
 * Retry-After is a floor.
 */
export function retryDelayMs(
  error: ProviderError,
  attempts: number,
  random: () => number = Math.random,
): number | undefined {
  if (!error.retryable || attempts >= MAX_SEND_ATTEMPTS) return undefined;
  return Math.max(error.details.retryAfterMs ?? 0, backoffMs(attempts, random));
}
