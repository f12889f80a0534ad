/** Port: the event log keeps 24 hours (SPEC §18), longer only for what a webhook still owes. */
export interface EventRetention {
  /** Deletes up to `limit` events older than `cutoff` that no active webhook subscription awaits. */
  deleteOlderThan(cutoff: Date, limit: number): Promise<number>;
}

export const EVENT_RETENTION_MS = 24 * 60 * 60 * 1000;
