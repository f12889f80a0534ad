import { inject, injectable } from 'inversify';
import type { Job, JobSummary } from '../../../shared/jobs/Job';
import { StuckSweeper } from './StuckSweeper';

/** SPEC §12 `stuck-sweeper`: messages stuck in `sending` past their lease go back to the queue. */
@injectable()
export class StuckSweeperJob implements Job {
  readonly name = 'stuck-sweeper';
  readonly defaultSchedule = '* * * * *';
  readonly description = 're-queues outbound messages stuck in sending past their lease';

  constructor(@inject(StuckSweeper) private readonly sweeper: StuckSweeper) {}

  async run(): Promise<JobSummary> {
    return { ...(await this.sweeper.run()) };
  }
}
