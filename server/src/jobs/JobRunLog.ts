import os from 'node:os';
import { inject, injectable } from 'inversify';
import type { Database } from '../shared/db/Database';
import { TYPES } from '../types';
import type { JobSummary } from '../shared/jobs/Job';

export type RunTrigger = 'schedule' | 'manual';
export type RunStatus = 'succeeded' | 'failed' | 'aborted';

/**
 * `job_runs`: one row per (job, tick). Claiming is inserting that row; the unique key makes the
 * first instance to insert the only one that runs the tick — on PostgreSQL across any number of
 * instances, and on the embedded database alike (docs/decisions/0010-job-scheduling.md).
 */
@injectable()
export class JobRunLog {
  readonly instance = `${os.hostname()}:${process.pid}`;

  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  /** The run's id if this instance claimed the tick, undefined if another one already has. */
  async claim(job: string, tick: Date, trigger: RunTrigger): Promise<string | undefined> {
    const rows = await this.db
      .q('job_runs')
      .insert({ job, tick, trigger, instance: this.instance, status: 'running' })
      .onConflict(['job', 'tick'])
      .ignore()
      .returning<Array<{ id: string }>>('id');
    return rows[0]?.id;
  }

  async finish(id: string, status: RunStatus, summary: JobSummary, error?: string): Promise<void> {
    await this.db
      .q('job_runs')
      .where({ id })
      .update({
        status,
        summary: JSON.stringify(summary),
        error: error ?? null,
        finished_at: this.db.knex.fn.now(),
      });
  }
}
