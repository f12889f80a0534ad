import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import { forgetTenantSettings, tenantSettings } from '../../identity/infrastructure/tenantSettingsRow';
import {
  DEFAULT_AI,
  defaultSettings,
  type AutoResponderSettings,
  type AutoResponderSettingsRepository,
} from '../domain/AutoResponderSettings';

/**
 * One row per tenant (`auto_responder_settings.settings`, JSON; none means everything off); the
 * timezone is the tenant's own (`tenants.timezone`, which its usage periods follow too).
 */
@injectable()
export class KnexAutoResponderSettings implements AutoResponderSettingsRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async find(tenantId: string): Promise<AutoResponderSettings> {
    const row = await tenantSettings(this.db, tenantId);
    const settings = (row?.auto_responder ?? null) as Partial<AutoResponderSettings> | null;
    const { timezone: _stored, ...stored } = settings ?? {};
    return {
      ...defaultSettings(row?.timezone ?? 'UTC'),
      ...stored,
      ai: { ...DEFAULT_AI, ...stored.ai },
    };
  }

  async save(tenantId: string, settings: AutoResponderSettings, updatedBy: string): Promise<void> {
    const { timezone, ...rest } = settings;
    forgetTenantSettings(this.db, tenantId);
    await this.db.q('tenants').where({ id: tenantId }).update({ timezone });
    await this.db
      .q('auto_responder_settings')
      .insert({
        tenant_id: tenantId,
        settings: JSON.stringify(rest),
        updated_by: updatedBy,
        updated_at: this.db.knex.fn.now(),
      })
      .onConflict('tenant_id')
      .merge();
  }
}
