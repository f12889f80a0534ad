export interface WindowBudget {
  /** Sends still allowed now. */
  budget: number;
  /** When the window next has room, counting `claimedNow` (at most `budget`) more sends at `now`. */
  nextSlotAt(claimedNow: number): Date;
}

/**
 * The newest sends inside the window, as much as a sliding-window limit needs of them: how many
 * (at most `limit`), and the time of the oldest of those (the one whose slot frees first once
 * the window is full).
 */
export interface RecentSends {
  count: number;
  oldest?: Date;
}

/**
 * A sliding-window limit over a log of send times (SPEC §8: at most `limit` sends per tenant per
 * minute). Only the newest `limit` sends of the window matter: once it is full, the next slot is
 * when the oldest of them leaves it.
 */
export function slidingWindow(recent: RecentSends, limit: number, windowMs: number, now: Date): WindowBudget {
  const count = Math.min(recent.count, limit);
  return {
    budget: limit - count,
    nextSlotAt(claimedNow: number): Date {
      if (count + claimedNow < limit) return now;
      // The window is full: the oldest of the newest `limit` sends frees the next slot.
      const oldest = count > 0 && recent.oldest ? recent.oldest.getTime() : now.getTime();
      return new Date(oldest + windowMs);
    },
  };
}
