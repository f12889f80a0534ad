import type { Plan } from './Plan';

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  defaultLanguage: string;
  defaultRegion?: string;
  /** IANA zone: usage periods and business hours follow its calendar. */
  timezone: string;
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
  timezone?: string;
  plan?: Plan;
}

export type TenantChanges = Partial<
  Pick<Tenant, 'name' | 'defaultLanguage' | 'defaultRegion' | 'timezone' | 'plan'>
>;
