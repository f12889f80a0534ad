const MAX_DELAY_SECONDS = 300;

/** How often and how soon a failed download is tried again. */
export const mediaRetryPolicy = {
  /** Retryable failures are given up on after this many attempts. */
  maxAttempts: 5,
  /** A checksum mismatch may be a damaged transfer: tried this many times in all, then refused. */
  maxChecksumAttempts: 3,
  /** 2^attempts seconds, ±25 % jitter so rows that failed together do not retry together, capped at 5 min. */
  delaySeconds(attempts: number, random: () => number = Math.random): number {
    return Math.min(2 ** attempts * (0.75 + random() * 0.5), MAX_DELAY_SECONDS);
  },
};
