import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import type { Job, JobContext, JobSummary } from '../../../shared/jobs/Job';
import { TYPES } from '../../../types';
import { COUNTERS } from '../domain/Plans';
import { periodAt } from '../domain/UsagePeriod';
import type { TenantPlans, UsageCounters } from '../domain/UsageCounters';

/**
 * `usage-reset` (SPEC §17): opens every tenant's current period, a calendar month in its
 * timezone, with its counters at 0. Counting opens a missing period too, so a late run loses
 * nothing; the job makes the new month visible (GET /usage, /metrics) from its first hour.
 */
@injectable()
export class UsageResetJob implements Job {
  readonly name = 'usage-reset';
  readonly defaultSchedule = '5 * * * *';
  readonly description = "opens each tenant's new usage period (a calendar month in its timezone)";

  constructor(
    @inject(TYPES.TenantPlans) private readonly plans: TenantPlans,
    @inject(TYPES.UsageCounters) private readonly counters: UsageCounters,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async run({ signal }: JobContext): Promise<JobSummary> {
    let opened = 0;
    for (const { tenantId, timezone } of await this.plans.timezones()) {
      if (signal.aborted) break;
      const period = periodAt(this.clock.now(), timezone);
      opened += (await this.counters.open(tenantId, period.start, COUNTERS)) > 0 ? 1 : 0;
    }
    return { opened };
  }
}
