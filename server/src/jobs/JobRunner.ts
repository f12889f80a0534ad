import { inject, injectable, multiInject, optional } from 'inversify';
import type { Logger } from '../shared/logging/createLogger';
import type { Metrics } from '../shared/metrics/Metrics';
import { TYPES } from '../types';
import type { Job, JobProgress, JobSummary } from '../shared/jobs/Job';
import { JobRunLog, type RunStatus, type RunTrigger } from './JobRunLog';
import { LogProgress } from './progress/LogProgress';

export interface RunOptions {
  trigger: RunTrigger;
  signal?: AbortSignal;
  /** Defaults to log lines. */
  progress?: JobProgress;
}

export interface RunResult {
  status: RunStatus;
  summary: JobSummary;
  seconds: number;
  error?: unknown;
}

/** Runs one tick of a job: claims it, runs it, records the outcome (row, log line, metrics). */
@injectable()
export class JobRunner {
  readonly jobs: ReadonlyMap<string, Job>;

  constructor(
    @multiInject(TYPES.Jobs) @optional() jobs: Job[] | undefined,
    @inject(JobRunLog) private readonly runs: JobRunLog,
    @inject(TYPES.Metrics) private readonly metrics: Metrics,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {
    const byName = new Map<string, Job>();
    for (const job of jobs ?? []) {
      if (byName.has(job.name)) throw new Error(`two jobs are named "${job.name}"`);
      byName.set(job.name, job);
    }
    this.jobs = byName;
  }

  /** Undefined when another instance already claimed this tick. */
  async run(job: Job, tick: Date, options: RunOptions): Promise<RunResult | undefined> {
    const id = await this.runs.claim(job.name, tick, options.trigger);
    if (!id) return undefined;
    const signal = options.signal ?? new AbortController().signal;
    const progress = options.progress ?? new LogProgress(this.logger, job.name);
    const started = process.hrtime.bigint();
    const log = this.logger.child({ job: job.name, runId: id, trigger: options.trigger });
    log.debug({ tick }, 'job started');
    let result: RunResult;
    try {
      const summary = (await job.run({ tick, signal, progress })) ?? {};
      result = { status: signal.aborted ? 'aborted' : 'succeeded', summary, seconds: since(started) };
    } catch (error) {
      result = { status: signal.aborted ? 'aborted' : 'failed', summary: {}, seconds: since(started), error };
    }
    this.metrics.jobFinished(job.name, result.status, result.seconds);
    const message =
      result.error === undefined
        ? undefined
        : result.error instanceof Error
          ? result.error.message
          : String(result.error);
    await this.runs
      .finish(id, result.status, result.summary, message)
      .catch((err: unknown) => log.error({ err }, 'could not record the job run'));
    if (result.status === 'failed') log.error({ err: result.error, seconds: result.seconds }, 'job failed');
    else {
      // Frequent jobs that found nothing to do stay out of the info log.
      const idle = result.status === 'succeeded' && Object.values(result.summary).every((n) => n === 0);
      log[idle ? 'debug' : 'info'](
        { ...result.summary, seconds: result.seconds, status: result.status },
        `job ${result.status}`,
      );
    }
    return result;
  }
}

const since = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;
