export interface WindowBudget {
  /** Sends still allowed now. */
  budget: number;
  /** When the window next has room, counting `claimedNow` more sends at `now`. */
  nextSlotAt(claimedNow: number): Date;
}

/**
 * A sliding-window limit over a log of send times (SPEC §8: at most `limit` sends per tenant per
 * minute). `recent` are the sends inside the window, oldest first.
 */
export function slidingWindow(recent: Date[], limit: number, windowMs: number, now: Date): WindowBudget {
  const inWindow = recent.filter((t) => t.getTime() > now.getTime() - windowMs);
  return {
    budget: Math.max(0, limit - inWindow.length),
    nextSlotAt(claimedNow: number): Date {
      const times = [...inWindow.map((t) => t.getTime()), ...Array<number>(claimedNow).fill(now.getTime())];
      if (times.length < limit) return now;
      return new Date(times[times.length - limit] + windowMs);
    },
  };
}
