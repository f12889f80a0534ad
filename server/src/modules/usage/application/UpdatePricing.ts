import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { PricePerCategory } from '../domain/Pricing';
import type { TenantPlans } from '../domain/UsageCounters';

/**
 * PUT /settings/pricing (managers): what one billable message of each Meta category costs the
 * tenant, so GET /usage can estimate the month's cost. No prices removes the setting; audited.
 */
@injectable()
export class UpdatePricing {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.TenantPlans) private readonly plans: TenantPlans,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, input: PricePerCategory): Promise<PricePerCategory | undefined> {
    assertAllowed(actor, 'manage_settings');
    const prices = Object.keys(input.prices).length ? input : undefined;
    await this.db.run(async () => {
      await this.plans.savePrices(actor.tenantId, prices);
      await this.audit.record({
        tenantId: actor.tenantId,
        actor: actorLabel(actor),
        action: 'PRICING_UPDATED',
        details: { currency: prices?.currency ?? null, prices: prices?.prices ?? {} },
      });
    });
    return prices;
  }
}
