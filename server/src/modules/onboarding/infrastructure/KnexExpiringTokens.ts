import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { ExpiringToken, ExpiringTokens } from '../domain/ExpiringTokens';

/** Over every tenant: the job alerts each tenant's own managers about its own connections. */
@injectable()
export class KnexExpiringTokens implements ExpiringTokens {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async before(moment: Date, notBefore: Date): Promise<ExpiringToken[]> {
    const rows: Array<{
      id: string;
      tenant_id: string;
      label: string;
      token_expires_at: Date;
    }> = await this.db
      .q('whatsapp_configurations')
      .whereNotNull('token_expires_at')
      .where('token_expires_at', '<=', moment)
      .where('token_expires_at', '>', notBefore)
      .whereNot({ status: 'disconnected' })
      .select(
        'id',
        'tenant_id',
        'token_expires_at',
        this.db.knex.raw(`coalesce(verified_name, display_phone_number, phone_number, 'WhatsApp') AS label`),
      )
      .orderBy('token_expires_at');
    return rows.map((r) => ({
      connectionId: r.id,
      tenantId: r.tenant_id,
      label: r.label,
      expiresAt: r.token_expires_at,
    }));
  }
}
