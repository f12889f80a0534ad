import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { SmsFallbackSetting, SmsFallbackSettings } from '../domain/SmsFallback';

@injectable()
export class KnexSmsFallbackSettings implements SmsFallbackSettings {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async find(tenantId: string): Promise<SmsFallbackSetting> {
    const row = (await this.db
      .q('sms_fallback_settings')
      .where({ tenant_id: tenantId })
      .first('enabled', 'from_number')) as { enabled: boolean; from_number: string | null } | undefined;
    return row ? { enabled: row.enabled, from: row.from_number ?? undefined } : { enabled: false };
  }

  async save(tenantId: string, setting: SmsFallbackSetting, updatedBy: string): Promise<void> {
    await this.db
      .q('sms_fallback_settings')
      .insert({
        tenant_id: tenantId,
        enabled: setting.enabled,
        from_number: setting.from ?? null,
        updated_by: updatedBy,
        updated_at: this.db.knex.fn.now(),
      })
      .onConflict('tenant_id')
      .merge();
  }
}
