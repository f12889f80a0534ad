import type { CredentialCipher } from '../../../shared/crypto/CredentialCipher';
import type { ProviderName } from '../../../shared/providers';
import type {
  ConnectionHealth,
  ConnectionSource,
  ConnectionStatus,
  QualityRating,
} from '../domain/ConnectionStatus';
import type {
  ConnectionDefinition,
  ProviderCredentials,
  ReportedHealth,
  WhatsappConfiguration,
} from '../domain/WhatsappConfiguration';

export interface ConfigurationRow {
  id: string;
  tenant_id: string;
  provider: string;
  phone_number: string | null;
  phone_number_id: string | null;
  business_account_id: string | null;
  credentials: string | null;
  verify_token: string | null;
  settings: Record<string, unknown>;
  status: string;
  source: string;
  display_phone_number: string | null;
  verified_name: string | null;
  quality_rating: string;
  messaging_limit_tier: string | null;
  name_status: string | null;
  health: ConnectionHealth;
  token_expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** The columns an operator (or the environment) states; secrets encrypted. */
export function definitionColumns(config: ConnectionDefinition, cipher: CredentialCipher) {
  return {
    tenant_id: config.tenantId,
    provider: config.provider,
    phone_number: config.phoneNumber ?? null,
    phone_number_id: config.phoneNumberId ?? null,
    business_account_id: config.businessAccountId ?? null,
    credentials: cipher.encrypt({ ...config.credentials }),
    verify_token: config.verifyToken ?? null,
    settings: JSON.stringify(config.settings),
  };
}

/** The columns a health report sets (undefined fields left out, so they stay as they are). */
export function healthColumns(report: ReportedHealth): Record<string, unknown> {
  const columns: Record<string, unknown> = {
    status: report.status,
    display_phone_number: report.displayPhoneNumber,
    verified_name: report.verifiedName,
    quality_rating: report.qualityRating,
    messaging_limit_tier: report.messagingLimitTier,
    name_status: report.nameStatus,
    token_expires_at: report.tokenExpiresAt,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
}

export function toConfiguration(r: ConfigurationRow, cipher: CredentialCipher): WhatsappConfiguration {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    provider: r.provider as ProviderName,
    phoneNumber: r.phone_number ?? undefined,
    phoneNumberId: r.phone_number_id ?? undefined,
    businessAccountId: r.business_account_id ?? undefined,
    credentials: r.credentials ? cipher.decrypt<ProviderCredentials>(r.credentials) : {},
    verifyToken: r.verify_token ?? undefined,
    settings: r.settings,
    status: r.status as ConnectionStatus,
    source: r.source as ConnectionSource,
    displayPhoneNumber: r.display_phone_number ?? undefined,
    verifiedName: r.verified_name ?? undefined,
    qualityRating: r.quality_rating as QualityRating,
    messagingLimitTier: r.messaging_limit_tier ?? undefined,
    nameStatus: r.name_status ?? undefined,
    health: r.health ?? {},
    tokenExpiresAt: r.token_expires_at ?? undefined,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
