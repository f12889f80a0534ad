export type OptInStatus = 'opted_in' | 'opted_out';

export interface Consent {
  status: OptInStatus;
  /** Meta 131050: the customer stopped marketing messages from this business. */
  marketingOptedOut: boolean;
}

export interface OptInRepository {
  set(tenantId: string, phone: string, status: OptInStatus, source: string): Promise<void>;
  statusOf(tenantId: string, phone: string): Promise<OptInStatus | undefined>;
  /** The recorded consent of each of `phones` that has one (broadcasts). */
  consentOf(tenantId: string, phones: string[]): Promise<Map<string, Consent>>;
  /**
   * A customer's first message counts as an opt-in for service messages; an earlier STOP stays.
   * Returns each customer's status after it (so the caller need not read it again).
   */
  recordFirstContact(tenantId: string, phones: string[]): Promise<Map<string, OptInStatus>>;
  /** Meta 131050: the user stopped marketing messages from this business. */
  recordMarketingOptOut(tenantId: string, phone: string): Promise<void>;
}
