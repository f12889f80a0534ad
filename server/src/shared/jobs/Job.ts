/**
 * A scheduled job (SPEC §12). Modules contribute one by binding it under TYPES.Jobs; the
 * scheduler runs it on its schedule on exactly one instance per tick, `wa-ops jobs run <name>`
 * runs it on demand.
 */
export interface Job {
  /** Stable kebab-case name: the CLI argument, the JOB_SCHEDULES key, the metrics label. */
  readonly name: string;
  /** Cron pattern in UTC (5 fields, or 6 with seconds), e.g. `*\/5 * * * *`. */
  readonly defaultSchedule: string;
  readonly description: string;
  /** Does the work. Long jobs check `ctx.signal` between batches and report through `ctx.progress`. */
  run(ctx: JobContext): Promise<JobSummary | void>;
}

export interface JobContext {
  /** The tick this run belongs to: the scheduled time, or now for a manual run. */
  readonly tick: Date;
  /** Aborted when the server shuts down: stop between batches, leave things consistent. */
  readonly signal: AbortSignal;
  readonly progress: JobProgress;
}

/** Progress of a long run: a bar on a terminal, periodic log lines otherwise. */
export interface JobProgress {
  /** Starts (or restarts) a phase of `total` units. */
  start(phase: string, total: number): void;
  advance(by?: number): void;
}

/** Counts worth logging about a run (`{ expired: 12 }`); stored with the run. */
export type JobSummary = Record<string, number>;
