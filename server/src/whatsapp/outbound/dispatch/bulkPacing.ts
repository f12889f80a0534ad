import type { PacingPolicy } from './recipientPacing';

/**
 * `normal` and `low` messages (notifications, broadcasts) go at an even pace of the tenant's rate
 * limit — one every 60 s / limit — after a burst of about a second's worth (at least 3, so that
 * a claim round arriving a little late does not lose a slot). Over a minute they still use the
 * whole limit, but they never fill the sliding window in one go, so a slot frees up within about
 * a second and a `high` message (a reply) waits for at most that. `high` is not paced.
 */
export function bulkPacing(ratePerMinute: number): PacingPolicy {
  return { intervalMs: 60_000 / ratePerMinute, burst: Math.max(3, Math.ceil(ratePerMinute / 60)) };
}
