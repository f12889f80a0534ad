export interface Tenant {
  id: string;
  slug: string;
  name: string;
  defaultLanguage: string;
  defaultRegion?: string;
  quoteApprovalThreshold?: string;
  createdAt: Date;
}

export const DEFAULT_TENANT_SLUG = 'default';

export interface NewTenant {
  slug: string;
  name: string;
  defaultLanguage?: string;
  defaultRegion?: string;
}

export type TenantChanges = Partial<Pick<Tenant, 'name' | 'defaultLanguage' | 'defaultRegion'>>;
