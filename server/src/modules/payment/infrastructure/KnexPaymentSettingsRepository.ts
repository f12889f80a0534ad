import { inject, injectable } from 'inversify';
import type { CredentialCipher } from '../../../shared/crypto/CredentialCipher';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { PaymentSecrets, PaymentSettings, PaymentSettingsRepository } from '../domain/PaymentSettings';

interface SettingsRow {
  tenant_id: string;
  payment_url_template: string | null;
  instructions: string | null;
  credentials: string | null;
  updated_at: Date;
}

/** `payment_settings`, one row per tenant; the secrets live encrypted in `credentials` (AES-256-GCM). */
@injectable()
export class KnexPaymentSettingsRepository implements PaymentSettingsRepository {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.CredentialCipher) private readonly cipher: CredentialCipher,
  ) {}

  async find(tenantId: string): Promise<PaymentSettings> {
    const row = await this.db.q<SettingsRow>('payment_settings').where({ tenant_id: tenantId }).first();
    if (!row) return { tenantId, secrets: {} };
    return {
      tenantId,
      paymentUrlTemplate: row.payment_url_template ?? undefined,
      instructions: row.instructions ?? undefined,
      secrets: row.credentials ? this.cipher.decrypt<PaymentSecrets>(row.credentials) : {},
      updatedAt: row.updated_at,
    };
  }

  async save(settings: PaymentSettings, updatedBy?: string): Promise<PaymentSettings> {
    const values = {
      tenant_id: settings.tenantId,
      payment_url_template: settings.paymentUrlTemplate ?? null,
      instructions: settings.instructions ?? null,
      credentials: this.cipher.encrypt({ ...settings.secrets }),
      updated_by: updatedBy ?? null,
      updated_at: this.db.knex.fn.now(),
    };
    const [row] = await this.db
      .q('payment_settings')
      .insert(values)
      .onConflict('tenant_id')
      .merge()
      .returning<Array<{ updated_at: Date }>>('updated_at');
    return { ...settings, updatedAt: row.updated_at };
  }
}
