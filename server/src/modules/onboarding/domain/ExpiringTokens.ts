/** A connection whose business token expires soon. */
export interface ExpiringToken {
  connectionId: string;
  tenantId: string;
  /** How managers know the number: verified name, display number or number. */
  label: string;
  expiresAt: Date;
}

/** Port: connections whose `token_expires_at` falls before a moment (and has not passed long ago). */
export interface ExpiringTokens {
  before(moment: Date, notBefore: Date): Promise<ExpiringToken[]>;
}
