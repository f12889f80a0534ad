/** Service identifiers of the composition root (container.ts). */
export const TYPES = {
  Config: Symbol.for('Config'),
  Logger: Symbol.for('Logger'),
  Clock: Symbol.for('Clock'),
  Database: Symbol.for('Database'),
  CredentialCipher: Symbol.for('CredentialCipher'),
  TenantRepository: Symbol.for('TenantRepository'),
  UserRepository: Symbol.for('UserRepository'),
  ApiKeyRepository: Symbol.for('ApiKeyRepository'),
  WhatsappConfigurationRepository: Symbol.for('WhatsappConfigurationRepository'),
  CreateTenant: Symbol.for('CreateTenant'),
  CreateUser: Symbol.for('CreateUser'),
  EnsureDefaultTenant: Symbol.for('EnsureDefaultTenant'),
} as const;
