import { NotFoundError } from '../../../shared/errors/AppError';
import type { Tenant } from '../../identity/domain/Tenant';
import type { TenantRepository } from '../../identity/domain/TenantRepository';

/** The tenant's language and approval threshold shape what a sales action sends. */
export async function requireTenant(tenants: TenantRepository, tenantId: string): Promise<Tenant> {
  const tenant = await tenants.findById(tenantId);
  if (!tenant) throw new NotFoundError('tenant', tenantId);
  return tenant;
}
