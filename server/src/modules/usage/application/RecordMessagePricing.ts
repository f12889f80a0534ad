import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import { BILLABLE_PREFIX, readPricing } from '../domain/Pricing';
import type { UsageCounters } from '../domain/UsageCounters';
import type { UsageLimits } from './UsageLimits';

/**
 * Meta's pricing of one outbound message, from its status webhooks (SPEC §17): stored on the
 * message the first time it is seen, and a billable message counted once in its category for
 * the period — repeated statuses (`sent`, `delivered`, `read`, redeliveries) change nothing.
 * Runs in the status update's transaction.
 */
@injectable()
export class RecordMessagePricing {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.UsageCounters) private readonly counters: UsageCounters,
    @inject(TYPES.UsageLimits) private readonly limits: UsageLimits,
  ) {}

  async execute(
    tenantId: string,
    messageId: string,
    raw: Record<string, unknown> | undefined,
  ): Promise<void> {
    const pricing = readPricing(raw);
    if (!pricing) return;
    await this.db.run(async () => {
      const updated = await this.db
        .q('whatsapp_messages')
        .where({ tenant_id: tenantId, id: messageId })
        .whereNull('pricing_category')
        .update({ pricing_category: pricing.category, billable: pricing.billable });
      if (!Number(updated) || !pricing.billable) return;
      const { period } = await this.limits.terms(tenantId);
      await this.counters.add(tenantId, period.start, `${BILLABLE_PREFIX}${pricing.category}`, 1);
    });
  }
}
