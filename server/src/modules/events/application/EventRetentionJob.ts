import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import type { Job, JobContext, JobSummary } from '../../../shared/jobs/Job';
import { drainInBatches } from '../../../shared/jobs/drainInBatches';
import { TYPES } from '../../../types';
import { EVENT_RETENTION_MS, type EventRetention } from '../domain/EventRetention';

const BATCH = 5_000;

/** Events older than 24 hours go (Last-Event-ID replays reach back that far). */
@injectable()
export class EventRetentionJob implements Job {
  readonly name = 'event-retention';
  readonly defaultSchedule = '*/15 * * * *';
  readonly description = 'deletes events older than 24 hours that no webhook still has to deliver';

  constructor(
    @inject(TYPES.EventRetention) private readonly retention: EventRetention,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async run({ signal }: JobContext): Promise<JobSummary> {
    const cutoff = new Date(this.clock.now().getTime() - EVENT_RETENTION_MS);
    const deleted = await drainInBatches(BATCH, signal, (limit) =>
      this.retention.deleteOlderThan(cutoff, limit),
    );
    return { deleted };
  }
}
