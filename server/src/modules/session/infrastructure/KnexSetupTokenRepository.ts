import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { SetupTokenRepository } from '../domain/SetupTokenRepository';

@injectable()
export class KnexSetupTokenRepository implements SetupTokenRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async replace(tenantId: string, tokenHash: string): Promise<void> {
    await this.db
      .q('setup_tokens')
      .insert({ tenant_id: tenantId, token_hash: tokenHash, created_at: this.db.knex.fn.now() })
      .onConflict('tenant_id')
      .merge();
  }

  async findTenant(tokenHash: string): Promise<string | undefined> {
    const row = await this.db.q('setup_tokens').where({ token_hash: tokenHash }).first('tenant_id');
    return row?.tenant_id;
  }

  async consume(tenantId: string, tokenHash: string): Promise<boolean> {
    // RETURNING rather than the affected-row count, which the embedded database's driver leaves out for DELETE.
    const deleted = await this.db
      .q('setup_tokens')
      .where({ tenant_id: tenantId, token_hash: tokenHash })
      .del(['tenant_id']);
    return deleted.length === 1;
  }

  async hasActiveManager(tenantId: string): Promise<boolean> {
    const row = await this.db
      .q('users')
      .where({ tenant_id: tenantId, role: 'manager', active: true })
      .first('id');
    return row !== undefined;
  }
}
