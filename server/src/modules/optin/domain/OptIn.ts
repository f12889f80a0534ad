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
  /** Meta `user_preferences` `resume`: marketing templates may go again (a STOP stays a STOP). */
  recordMarketingOptIn(tenantId: string, phone: string): Promise<void>;
}

/** Meta's error when the user stopped marketing messages from this business. */
export const MARKETING_STOPPED_CODE = '131050';

/**
 * After a 131050 a customer gets no MARKETING template any more; utility and authentication
 * templates and free text still go. Broadcasts (when queueing) and the dispatcher (when sending)
 * both ask this.
 */
export const stopsMarketing = (
  consent: { marketingOptedOut?: boolean } | undefined,
  templateCategory: string | undefined,
): boolean => templateCategory === 'MARKETING' && consent?.marketingOptedOut === true;
