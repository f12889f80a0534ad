import type { Container } from 'inversify';
import type { EnsureDefaultTenant } from '../modules/identity/application/EnsureDefaultTenant';
import { DEFAULT_TENANT_SLUG, type Tenant } from '../modules/identity/domain/Tenant';
import type { TenantRepository } from '../modules/identity/domain/TenantRepository';
import { isUuid } from '../modules/lead/domain/isUuid';
import { TYPES } from '../types';
import { UsageError } from './UsageError';

/**
 * `--tenant` as every command takes it: the tenant's id or its slug; without it, the default
 * tenant (created as the server would create it, when it does not exist yet).
 */
export async function resolveTenant(container: Container, given: string | undefined): Promise<Tenant> {
  const tenants = container.get<TenantRepository>(TYPES.TenantRepository);
  if (given === undefined)
    return (
      (await tenants.findBySlug(DEFAULT_TENANT_SLUG)) ??
      (await container.get<EnsureDefaultTenant>(TYPES.EnsureDefaultTenant).execute())
    );
  const tenant = isUuid(given) ? await tenants.findById(given) : await tenants.findBySlug(given);
  if (!tenant) throw new UsageError(`no tenant "${given}" (see: wa-ops tenants list)`);
  return tenant;
}
