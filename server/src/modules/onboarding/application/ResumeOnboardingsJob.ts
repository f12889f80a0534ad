import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import type { Job, JobSummary } from '../../../shared/jobs/Job';
import { TYPES } from '../../../types';
import type { OnboardingRepository } from '../domain/OnboardingRepository';
import { RunOnboarding } from './RunOnboarding';

/** `onboarding-resume`: onboardings a stopped instance left running go on from their next step. */
@injectable()
export class ResumeOnboardingsJob implements Job {
  readonly name = 'onboarding-resume';
  readonly defaultSchedule = '* * * * *';
  readonly description = 'resumes onboardings whose instance stopped mid-way';

  constructor(
    @inject(TYPES.OnboardingRepository) private readonly onboardings: OnboardingRepository,
    @inject(RunOnboarding) private readonly runOnboarding: RunOnboarding,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async run(): Promise<JobSummary> {
    let resumed = 0;
    for (const id of await this.onboardings.orphaned(this.clock.now(), 20))
      if (await this.runOnboarding.execute(id)) resumed++;
    return { resumed };
  }
}
