import { issueApiKey } from '../../src/shared/crypto/apiKeys';
import type { Role } from '../../src/modules/identity/domain/Role';
import type { Tenant } from '../../src/modules/identity/domain/Tenant';
import type { User } from '../../src/modules/identity/domain/User';
import { KnexApiKeyRepository } from '../../src/modules/identity/infrastructure/KnexApiKeyRepository';
import { KnexTenantRepository } from '../../src/modules/identity/infrastructure/KnexTenantRepository';
import { KnexUserRepository } from '../../src/modules/identity/infrastructure/KnexUserRepository';
import { testDb } from './integrationHooks';

let sequence = 0;
const next = () => ++sequence;

export async function aTenant(
  overrides: Partial<{ name: string; slug: string; defaultRegion: string; defaultLanguage: string }> = {},
): Promise<Tenant> {
  const n = next();
  return new KnexTenantRepository(testDb()).create({
    name: `Tenant ${n}`,
    slug: `tenant-${n}`,
    ...overrides,
  });
}

export async function aUser(
  tenant: Tenant,
  overrides: Partial<{ name: string; phone: string; role: Role }> = {},
): Promise<User & { apiKey: string }> {
  const n = next();
  const user = await new KnexUserRepository(testDb()).create({
    tenantId: tenant.id,
    name: `User ${n}`,
    phone: `+1415555${String(1000 + n).slice(-4)}`,
    role: 'sales',
    ...overrides,
  });
  const key = issueApiKey();
  await new KnexApiKeyRepository(testDb()).add({
    tenantId: tenant.id,
    userId: user.id,
    prefix: key.prefix,
    hash: key.hash,
  });
  return { ...user, apiKey: key.key };
}
