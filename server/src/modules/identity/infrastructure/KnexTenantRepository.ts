import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { Plan } from '../domain/Plan';
import type { NewTenant, Tenant, TenantChanges } from '../domain/Tenant';
import type { TenantRepository } from '../domain/TenantRepository';
import { forgetTenantSettings } from './tenantSettingsRow';

interface TenantRow {
  id: string;
  slug: string;
  name: string;
  default_language: string;
  default_region: string | null;
  timezone: string;
  quote_approval_threshold: string | null;
  plan: string;
  created_at: Date;
}

const toTenant = (r: TenantRow): Tenant => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  defaultLanguage: r.default_language,
  defaultRegion: r.default_region ?? undefined,
  timezone: r.timezone,
  quoteApprovalThreshold: r.quote_approval_threshold ?? undefined,
  plan: r.plan as Plan,
  createdAt: r.created_at,
});

@injectable()
export class KnexTenantRepository implements TenantRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async create(tenant: NewTenant): Promise<Tenant> {
    const [row] = await this.db
      .q<TenantRow>('tenants')
      .insert({
        slug: tenant.slug,
        name: tenant.name,
        default_language: tenant.defaultLanguage ?? 'en',
        default_region: tenant.defaultRegion ?? null,
        ...(tenant.timezone && { timezone: tenant.timezone }),
        ...(tenant.plan && { plan: tenant.plan }),
      })
      .returning('*');
    return toTenant(row);
  }

  async findById(id: string): Promise<Tenant | undefined> {
    const row = await this.db.q<TenantRow>('tenants').where({ id }).first();
    return row && toTenant(row);
  }

  async findBySlug(slug: string): Promise<Tenant | undefined> {
    const row = await this.db.q<TenantRow>('tenants').where({ slug }).first();
    return row && toTenant(row);
  }

  async list(): Promise<Tenant[]> {
    const rows = await this.db.q<TenantRow>('tenants').orderBy('created_at');
    return rows.map(toTenant);
  }

  async update(id: string, changes: TenantChanges): Promise<Tenant> {
    forgetTenantSettings(this.db, id);
    const [row] = await this.db
      .q<TenantRow>('tenants')
      .where({ id })
      .update({
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.defaultLanguage !== undefined && { default_language: changes.defaultLanguage }),
        ...('defaultRegion' in changes && { default_region: changes.defaultRegion ?? null }),
        ...(changes.timezone !== undefined && { timezone: changes.timezone }),
        ...(changes.plan !== undefined && { plan: changes.plan }),
      } as never)
      .returning('*');
    return toTenant(row as TenantRow);
  }
}
