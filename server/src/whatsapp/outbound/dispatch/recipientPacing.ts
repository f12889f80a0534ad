export interface PacingPolicy {
  /** Steady pace: one message per interval to the same recipient. */
  intervalMs: number;
  /** Messages allowed back to back before the pace applies. */
  burst: number;
}

/** Meta: about one message per 6 s to the same user; short bursts are tolerated (error 131056 beyond). */
export const PAIR_PACING: PacingPolicy = { intervalMs: 6_000, burst: 3 };

export type PacingDecision = { allowed: true; tat: Date } | { allowed: false; notBefore: Date };

/**
 * GCRA (a token bucket kept as one timestamp): `tat` is the theoretical arrival time of the next
 * message to this recipient. A send is allowed while `tat` is at most burst-1 intervals ahead of now.
 */
export function pace(tat: Date | undefined, now: Date, policy: PacingPolicy = PAIR_PACING): PacingDecision {
  const tolerance = (policy.burst - 1) * policy.intervalMs;
  const theoretical = Math.max(tat?.getTime() ?? now.getTime(), now.getTime());
  if (theoretical - tolerance > now.getTime())
    return { allowed: false, notBefore: new Date(theoretical - tolerance) };
  return { allowed: true, tat: new Date(theoretical + policy.intervalMs) };
}
