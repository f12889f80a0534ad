import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import {
  DEFAULT_AI,
  defaultSettings,
  type AutoResponderSettings,
  type AutoResponderSettingsRepository,
} from '../domain/AutoResponderSettings';

/** One row per tenant (`auto_responder_settings.settings`, JSON); none means everything off. */
@injectable()
export class KnexAutoResponderSettings implements AutoResponderSettingsRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async find(tenantId: string): Promise<AutoResponderSettings> {
    const row = (await this.db
      .q('auto_responder_settings')
      .where({ tenant_id: tenantId })
      .first('settings')) as { settings: Partial<AutoResponderSettings> } | undefined;
    const stored = row?.settings ?? {};
    const defaults = defaultSettings();
    return { ...defaults, ...stored, ai: { ...DEFAULT_AI, ...stored.ai } };
  }

  async save(tenantId: string, settings: AutoResponderSettings, updatedBy: string): Promise<void> {
    await this.db
      .q('auto_responder_settings')
      .insert({
        tenant_id: tenantId,
        settings: JSON.stringify(settings),
        updated_by: updatedBy,
        updated_at: this.db.knex.fn.now(),
      })
      .onConflict('tenant_id')
      .merge();
  }
}
