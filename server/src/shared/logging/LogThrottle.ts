/**
 * Lets a repeated log line through once per key per interval, so a condition that persists across
 * polls (e.g. a tenant without a WhatsApp configuration) is reported, then reminded of, not flooded.
 * Keys are few (tenants); entries older than the interval are dropped as new keys arrive.
 */
export class LogThrottle {
  private readonly lastLogged = new Map<string, number>();

  constructor(readonly intervalMs: number) {}

  /** True the first time for `key`, then again once `intervalMs` has passed since it last was. */
  allows(key: string, now: Date): boolean {
    const at = now.getTime();
    const last = this.lastLogged.get(key);
    if (last !== undefined && at - last < this.intervalMs) return false;
    if (last === undefined) this.forgetExpired(at);
    this.lastLogged.set(key, at);
    return true;
  }

  private forgetExpired(at: number): void {
    for (const [key, last] of this.lastLogged) if (at - last >= this.intervalMs) this.lastLogged.delete(key);
  }
}
