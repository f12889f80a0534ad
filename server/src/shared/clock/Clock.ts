/** Port for "now", so time-dependent rules (24-hour window, leases, cooldowns) are testable. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
