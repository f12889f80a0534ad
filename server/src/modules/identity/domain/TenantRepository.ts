import type { NewTenant, Tenant, TenantChanges } from './Tenant';

export interface TenantRepository {
  create(tenant: NewTenant): Promise<Tenant>;
  findById(id: string): Promise<Tenant | undefined>;
  findBySlug(slug: string): Promise<Tenant | undefined>;
  list(): Promise<Tenant[]>;
  /** Writes the given fields (`defaultRegion: undefined` among them clears it). */
  update(id: string, changes: TenantChanges): Promise<Tenant>;
}
