import { inject, injectable } from 'inversify';
import type { Job, JobSummary } from '../../../shared/jobs/Job';
import { PanicMode } from './PanicMode';

/** SPEC §12 `panic-auto-resume`: tenants whose panic cooldown has passed send again. */
@injectable()
export class PanicAutoResumeJob implements Job {
  readonly name = 'panic-auto-resume';
  readonly defaultSchedule = '* * * * *';
  readonly description = 'resumes tenants whose panic-mode cooldown has passed';

  constructor(@inject(PanicMode) private readonly panic: PanicMode) {}

  async run(): Promise<JobSummary> {
    return { resumed: (await this.panic.autoResume()).length };
  }
}
