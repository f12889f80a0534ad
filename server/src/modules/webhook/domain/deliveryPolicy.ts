const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** An event is retried for 24 hours, then given up (the next one is tried). */
export const GIVE_UP_AFTER_MS = 24 * HOUR;
/** A subscription failing for 3 days is disabled and its managers alerted. */
export const DISABLE_AFTER_MS = 72 * HOUR;

/**
 * Exponential backoff with full jitter from 5 s, capped at an hour: the n-th failed attempt waits
 * between half and all of min(5 s · 2^(n-1), 1 h).
 */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(5_000 * 2 ** Math.max(0, failedAttempts - 1), HOUR);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
