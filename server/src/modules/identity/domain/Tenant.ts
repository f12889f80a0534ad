/** How a tenant's customers pay: shown on the payment page (`/pay/<booking ref>`). */
export interface PaymentSettings {
  /** Free text: bank details, where to pay, whom to call. */
  instructions?: string;
  /** A link to the tenant's own checkout, `{ref}`, `{amount}` and `{currency}` filled in. */
  paymentUrlTemplate?: string;
}

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  defaultLanguage: string;
  defaultRegion?: string;
  quoteApprovalThreshold?: string;
  payments: PaymentSettings;
  createdAt: Date;
}

export const DEFAULT_TENANT_SLUG = 'default';

export interface NewTenant {
  slug: string;
  name: string;
  defaultLanguage?: string;
  defaultRegion?: string;
}

export type TenantChanges = Partial<Pick<Tenant, 'name' | 'defaultLanguage' | 'defaultRegion' | 'payments'>>;
