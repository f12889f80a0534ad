import type { ProviderName } from '../../../shared/providers';
import type { ConnectionHealth, ConnectionSource, ConnectionStatus, QualityRating } from './ConnectionStatus';

/** Secrets of one number, decrypted only in memory. */
export interface ProviderCredentials {
  accessToken?: string;
  webhookSecret?: string;
  dialog360ApiKey?: string;
  twilioAccountSid?: string;
  twilioAuthToken?: string;
}

/**
 * A connection (SPEC §15): one WhatsApp number of one tenant on one provider, with the secrets
 * that send from it and verify what arrives for it, and its health as the provider reports it.
 */
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
  status: ConnectionStatus;
  source: ConnectionSource;
  displayPhoneNumber?: string;
  verifiedName?: string;
  qualityRating: QualityRating;
  messagingLimitTier?: string;
  nameStatus?: string;
  health: ConnectionHealth;
  tokenExpiresAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** What an operator or the environment states about a connection; the rest is reported by the provider. */
export type ConnectionDefinition = Pick<
  WhatsappConfiguration,
  | 'tenantId'
  | 'provider'
  | 'phoneNumber'
  | 'phoneNumberId'
  | 'businessAccountId'
  | 'credentials'
  | 'verifyToken'
  | 'settings'
>;

/** What the provider says about a connection (a test, an account webhook); absent fields stay as they are. */
export type ReportedHealth = Partial<
  Pick<
    WhatsappConfiguration,
    'status' | 'displayPhoneNumber' | 'verifiedName' | 'qualityRating' | 'messagingLimitTier' | 'nameStatus'
  >
> & { health?: ConnectionHealth; tokenExpiresAt?: Date | null };

export interface WhatsappConfigurationRepository {
  /**
   * Inserts or rewrites the tenant's connection for that provider that the environment manages
   * (source `environment`: the default tenant's, at every start; tests configure tenants with it too).
   */
  save(config: ConnectionDefinition): Promise<WhatsappConfiguration>;
  add(config: ConnectionDefinition & { source: ConnectionSource }): Promise<WhatsappConfiguration>;
  /** Rewrites what the operator states; health fields are left alone. */
  replaceDefinition(id: string, config: ConnectionDefinition): Promise<WhatsappConfiguration>;
  remove(id: string): Promise<void>;
  /** Merges `report.health` into the stored health object; sets the other given fields. */
  recordHealth(id: string, report: ReportedHealth): Promise<WhatsappConfiguration>;
  /** One connection, within `tenantId` when given (the CLI acts for every tenant); locked when `forUpdate`. */
  find(id: string, tenantId?: string, forUpdate?: boolean): Promise<WhatsappConfiguration | undefined>;
  findByTenant(tenantId: string): Promise<WhatsappConfiguration[]>;
  /**
   * Other connections that claim what `config` would: its phone-number id, its number on the same
   * provider, or (held by another tenant) its number or WABA.
   */
  claimsOf(config: ConnectionDefinition, exceptId?: string): Promise<WhatsappConfiguration[]>;
  listAll(): Promise<WhatsappConfiguration[]>;
}
