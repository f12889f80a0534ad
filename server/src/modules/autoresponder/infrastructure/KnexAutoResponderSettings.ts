import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
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
    const row = (await this.db
      .q('tenants as t')
      .leftJoin('auto_responder_settings as s', 's.tenant_id', 't.id')
      .where('t.id', tenantId)
      .first('t.timezone', 's.settings')) as
      { timezone: string; settings: Partial<AutoResponderSettings> | null } | undefined;
    const { timezone: _stored, ...stored } = row?.settings ?? {};
    return {
      ...defaultSettings(row?.timezone ?? 'UTC'),
      ...stored,
      ai: { ...DEFAULT_AI, ...stored.ai },
    };
  }

  async save(tenantId: string, settings: AutoResponderSettings, updatedBy: string): Promise<void> {
    const { timezone, ...rest } = settings;
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
