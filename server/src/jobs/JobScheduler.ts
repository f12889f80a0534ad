import { Cron } from 'croner';
import { inject, injectable } from 'inversify';
import type { Config } from '../config';
import type { Logger } from '../shared/logging/createLogger';
import { TYPES } from '../types';
import type { BackgroundWorker } from '../workers';
import type { Job } from '../shared/jobs/Job';
import { JobRunner } from './JobRunner';

/** setTimeout's ceiling; longer waits re-arm. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs every bound job on its schedule (its default, or JOB_SCHEDULES). Each instance arms the
 * same ticks from wall-clock time; the run log lets exactly one instance run each tick. A tick
 * that comes while this instance still runs the previous one of the same job is skipped.
 */
@injectable()
export class JobScheduler implements BackgroundWorker {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private abort = new AbortController();
  private running = false;

  constructor(
    @inject(JobRunner) private readonly runner: JobRunner,
    @inject(TYPES.Config) private readonly config: Pick<Config, 'jobs'>,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  /** The effective schedule of each job (`off` when disabled). Throws on a schedule for an unknown job. */
  schedules(): Map<string, string> {
    const configured = this.config.jobs.schedules;
    const unknown = Object.keys(configured).filter((name) => !this.runner.jobs.has(name));
    if (unknown.length)
      throw new Error(
        `JOB_SCHEDULES names unknown job(s): ${unknown.join(', ')} (known: ${[...this.runner.jobs.keys()].join(', ')})`,
      );
    return new Map(
      [...this.runner.jobs.values()].map((j) => [j.name, configured[j.name] ?? j.defaultSchedule]),
    );
  }

  start(): void {
    if (this.running || !this.config.jobs.enabled) return;
    const schedules = this.schedules();
    this.running = true;
    this.abort = new AbortController();
    for (const [name, pattern] of schedules) {
      if (pattern === 'off') continue;
      this.arm(this.runner.jobs.get(name)!, new Cron(pattern, { timezone: 'UTC', paused: true }), new Date());
    }
    this.logger.debug({ schedules: Object.fromEntries(schedules) }, 'job scheduler started');
  }

  /** Stops arming ticks, asks running jobs to stop between batches and waits for them. */
  async stop(): Promise<void> {
    this.running = false;
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
    this.abort.abort();
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private arm(job: Job, cron: Cron, after: Date): void {
    const next = cron.nextRun(after);
    if (!this.running || !next) return;
    const timer = setTimeout(
      () => {
        if (Date.now() < next.getTime()) return this.arm(job, cron, after); // a capped wait
        this.fire(job, next);
        this.arm(job, cron, new Date(Math.max(Date.now(), next.getTime())));
      },
      Math.min(MAX_TIMER_MS, Math.max(0, next.getTime() - Date.now())),
    );
    timer.unref();
    this.timers.set(job.name, timer);
  }

  private fire(job: Job, tick: Date): void {
    if (this.inFlight.has(job.name)) {
      this.logger.warn({ job: job.name, tick }, 'previous run still going; tick skipped');
      return;
    }
    const run = this.runner
      .run(job, tick, { trigger: 'schedule', signal: this.abort.signal })
      .catch((err: unknown) => this.logger.error({ err, job: job.name }, 'job tick could not be claimed'))
      .finally(() => this.inFlight.delete(job.name));
    this.inFlight.set(job.name, run);
  }
}
