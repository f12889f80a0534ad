import { inject, injectable } from 'inversify';
import { TYPES } from '../../../types';
import { assertAllowed, type Actor } from '../../identity/domain/Actor';
import { readPrices } from '../domain/Pricing';
import type { TenantPlans, UsageCounters } from '../domain/UsageCounters';
import { usageReport, type UsageReport } from '../domain/UsageReport';
import type { UsageLimits } from './UsageLimits';

/** GET /usage (managers): this period's counters against the plan, billable messages and their cost. */
@injectable()
export class GetUsage {
  constructor(
    @inject(TYPES.UsageLimits) private readonly limits: UsageLimits,
    @inject(TYPES.UsageCounters) private readonly counters: UsageCounters,
    @inject(TYPES.TenantPlans) private readonly plans: TenantPlans,
  ) {}

  async execute(actor: Actor): Promise<UsageReport> {
    assertAllowed(actor, 'view_usage');
    const terms = await this.limits.terms(actor.tenantId);
    const rows = await this.counters.list(actor.tenantId, terms.period.start);
    const prices = readPrices((await this.plans.find(actor.tenantId))?.pricePerCategory);
    return usageReport(terms, rows, prices);
  }
}
