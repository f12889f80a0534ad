import { inject, injectable } from 'inversify';
import type { CredentialCipher } from '../../../shared/crypto/CredentialCipher';
import type { Database } from '../../../shared/db/Database';
import type { ProviderName } from '../../../shared/providers';
import { TYPES } from '../../../types';
import type {
  ProviderCredentials,
  WhatsappConfiguration,
  WhatsappConfigurationInput,
  WhatsappConfigurationRepository,
} from '../domain/WhatsappConfiguration';

interface ConfigurationRow {
  id: string;
  tenant_id: string;
  provider: string;
  phone_number: string | null;
  phone_number_id: string | null;
  business_account_id: string | null;
  credentials: string | null;
  verify_token: string | null;
  settings: Record<string, unknown>;
}

@injectable()
export class KnexWhatsappConfigurationRepository implements WhatsappConfigurationRepository {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.CredentialCipher) private readonly cipher: CredentialCipher,
  ) {}

  async save(config: WhatsappConfigurationInput): Promise<WhatsappConfiguration> {
    const values = {
      tenant_id: config.tenantId,
      provider: config.provider,
      phone_number: config.phoneNumber ?? null,
      phone_number_id: config.phoneNumberId ?? null,
      business_account_id: config.businessAccountId ?? null,
      credentials: this.cipher.encrypt({ ...config.credentials }),
      verify_token: config.verifyToken ?? null,
      settings: JSON.stringify(config.settings),
      updated_at: this.db.knex.fn.now(),
    };
    return this.db.run(async () => {
      const existing = await this.db
        .q<ConfigurationRow>('whatsapp_configurations')
        .where({ tenant_id: config.tenantId, provider: config.provider })
        .forUpdate()
        .first('id');
      const [row] = existing
        ? await this.db.q('whatsapp_configurations').where({ id: existing.id }).update(values).returning('*')
        : await this.db.q('whatsapp_configurations').insert(values).returning('*');
      return this.toConfiguration(row as ConfigurationRow);
    });
  }

  async findByTenant(tenantId: string): Promise<WhatsappConfiguration[]> {
    const rows = await this.db.q<ConfigurationRow>('whatsapp_configurations').where({ tenant_id: tenantId });
    return rows.map((r) => this.toConfiguration(r));
  }

  async listAll(): Promise<WhatsappConfiguration[]> {
    const rows = await this.db.q<ConfigurationRow>('whatsapp_configurations').orderBy('created_at');
    return rows.map((r) => this.toConfiguration(r));
  }

  private toConfiguration(r: ConfigurationRow): WhatsappConfiguration {
    return {
      id: r.id,
      tenantId: r.tenant_id,
      provider: r.provider as ProviderName,
      phoneNumber: r.phone_number ?? undefined,
      phoneNumberId: r.phone_number_id ?? undefined,
      businessAccountId: r.business_account_id ?? undefined,
      credentials: r.credentials ? this.cipher.decrypt<ProviderCredentials>(r.credentials) : {},
      verifyToken: r.verify_token ?? undefined,
      settings: r.settings,
    };
  }
}
