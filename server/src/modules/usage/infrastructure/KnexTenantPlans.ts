import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { Plan } from '../../identity/domain/Plan';
import { forgetTenantSettings, tenantSettings } from '../../identity/infrastructure/tenantSettingsRow';
import type { PlanOverrides } from '../domain/Plans';
import type { PricePerCategory } from '../domain/Pricing';
import type { TenantPlan, TenantPlans } from '../domain/UsageCounters';

@injectable()
export class KnexTenantPlans implements TenantPlans {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async find(tenantId: string): Promise<TenantPlan | undefined> {
    const row = await tenantSettings(this.db, tenantId);
    return (
      row && {
        plan: row.plan as Plan,
        overrides: (row.plan_overrides as PlanOverrides | null) ?? {},
        timezone: row.timezone,
        pricePerCategory: (row.prices as PricePerCategory | null) ?? undefined,
      }
    );
  }

  async lockAssignees(tenantId: string, except?: string): Promise<string[]> {
    // NO KEY UPDATE: rows that reference the tenant (their KEY SHARE locks) are not held up.
    await this.db.q.raw(`SELECT id FROM tenants WHERE id = ? FOR NO KEY UPDATE`, [tenantId]);
    const query = this.db
      .q('whatsapp_conversations')
      .where({ tenant_id: tenantId, status: 'active' })
      .whereNotNull('assigned_to')
      .distinct('assigned_to');
    if (except) query.whereNot({ id: except });
    return ((await query) as Array<{ assigned_to: string }>).map((r) => r.assigned_to);
  }

  async timezones(): Promise<Array<{ tenantId: string; timezone: string }>> {
    const rows = (await this.db.q('tenants').select('id', 'timezone')) as Array<{
      id: string;
      timezone: string;
    }>;
    return rows.map((r) => ({ tenantId: r.id, timezone: r.timezone }));
  }

  async savePrices(tenantId: string, prices: PricePerCategory | undefined): Promise<void> {
    const settings = prices
      ? this.db.knex.raw(`settings || jsonb_build_object('pricePerCategory', ?::jsonb)`, [
          JSON.stringify({ ...prices.prices, ...(prices.currency ? { currency: prices.currency } : {}) }),
        ])
      : this.db.knex.raw(`settings - 'pricePerCategory'`);
    forgetTenantSettings(this.db, tenantId);
    await this.db.q('tenants').where({ id: tenantId }).update({ settings });
  }
}
