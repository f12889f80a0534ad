import type { ProviderName } from '../../../shared/providers';

/** Secrets of one number, decrypted only in memory. */
export interface ProviderCredentials {
  accessToken?: string;
  webhookSecret?: string;
  dialog360ApiKey?: string;
  twilioAccountSid?: string;
  twilioAuthToken?: string;
}

export interface WhatsappConfiguration {
  id: string;
  tenantId: string;
  provider: ProviderName;
  phoneNumber?: string;
  phoneNumberId?: string;
  businessAccountId?: string;
  credentials: ProviderCredentials;
  verifyToken?: string;
  settings: Record<string, unknown>;
}

export type WhatsappConfigurationInput = Omit<WhatsappConfiguration, 'id'>;

export interface WhatsappConfigurationRepository {
  /** Inserts or replaces the tenant's configuration for that provider. */
  save(config: WhatsappConfigurationInput): Promise<WhatsappConfiguration>;
  findByTenant(tenantId: string): Promise<WhatsappConfiguration[]>;
  listAll(): Promise<WhatsappConfiguration[]>;
}
