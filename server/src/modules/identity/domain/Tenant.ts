import type { Plan } from './Plan';

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  defaultLanguage: string;
  defaultRegion?: string;
  quoteApprovalThreshold?: string;
  plan: Plan;
  createdAt: Date;
}

export const DEFAULT_TENANT_SLUG = 'default';

export interface NewTenant {
  slug: string;
  name: string;
  defaultLanguage?: string;
  defaultRegion?: string;
  plan?: Plan;
}

export type TenantChanges = Partial<Pick<Tenant, 'name' | 'defaultLanguage' | 'defaultRegion' | 'plan'>>;
