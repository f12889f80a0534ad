/** Tuning of the event stream (SPEC §18); tests shorten the intervals. */
export interface EventStreamOptions {
  /** A comment line this often keeps proxies from closing an idle stream. */
  heartbeatMs: number;
  /** Events a subscriber may have waiting to be written before it is dropped (it resumes by id). */
  maxBuffered: number;
  /** Catch-up read of every followed tenant, for signals lost while reconnecting. */
  pollMs: number;
  /** Events read per query when replaying from Last-Event-ID. */
  replayPage: number;
}

export const DEFAULT_EVENT_STREAM_OPTIONS: EventStreamOptions = {
  heartbeatMs: 15_000,
  maxBuffered: 1_000,
  pollMs: 5_000,
  replayPage: 500,
};
