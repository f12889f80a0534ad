import { inject, injectable } from 'inversify';
import type { Job, JobContext, JobSummary } from '../../../shared/jobs/Job';
import { TYPES } from '../../../types';
import type { SyncTemplates } from './SyncTemplates';

/** SPEC §12 `template-sync`: every tenant's template statuses from its provider, hourly. */
@injectable()
export class TemplateSyncJob implements Job {
  readonly name = 'template-sync';
  readonly defaultSchedule = '0 * * * *';
  readonly description = 'pulls template statuses from each tenant’s provider';

  constructor(@inject(TYPES.SyncTemplates) private readonly sync: SyncTemplates) {}

  async run({ signal }: JobContext): Promise<JobSummary> {
    return { ...(await this.sync.run(signal)) };
  }
}
