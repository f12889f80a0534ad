export const PANIC_WINDOW_MS = 5 * 60_000;
const MIN_TRIED = 20;
const MAX_FAILURE_RATE = 0.3;
const SUSTAINED_THROTTLES = 10;
const SUSTAINED_THROTTLING_MS = 60_000;

export type PanicReason = 'auth' | 'failure_rate' | 'throttling';

/** A tenant's sends over the panic window (since its last resume, if later). */
export interface SendStats {
  tried: number;
  /** Attempts that failed, throttling aside (permanent, retryable, auth). */
  failed: number;
  throttled: number;
  firstThrottledAt?: Date;
  lastThrottledAt?: Date;
}

/**
 * SPEC §8: at least 20 sends tried and more than 30 % failed, or throttling that lasts — at least
 * 10 throttled answers spread over a minute or more. (Authentication errors panic at once.)
 */
export function panicReason(stats: SendStats): PanicReason | undefined {
  if (stats.tried >= MIN_TRIED && stats.failed / stats.tried > MAX_FAILURE_RATE) return 'failure_rate';
  const span =
    stats.firstThrottledAt && stats.lastThrottledAt
      ? stats.lastThrottledAt.getTime() - stats.firstThrottledAt.getTime()
      : 0;
  if (stats.throttled >= SUSTAINED_THROTTLES && span >= SUSTAINED_THROTTLING_MS) return 'throttling';
  return undefined;
}
