import type { NewTenant, Tenant } from './Tenant';

export interface TenantRepository {
  create(tenant: NewTenant): Promise<Tenant>;
  findById(id: string): Promise<Tenant | undefined>;
  findBySlug(slug: string): Promise<Tenant | undefined>;
  list(): Promise<Tenant[]>;
}
