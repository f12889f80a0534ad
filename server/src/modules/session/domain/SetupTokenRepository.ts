export interface SetupTokenRepository {
  /** Replaces the tenant's setup token (the URL printed last is the one that works). */
  replace(tenantId: string, tokenHash: string): Promise<void>;
  /** The tenant whose token this is, if it is still unused. */
  findTenant(tokenHash: string): Promise<string | undefined>;
  /** Uses the token once: false when it was used (or replaced) meanwhile. */
  consume(tenantId: string, tokenHash: string): Promise<boolean>;
  /** Whether the tenant has an active manager (then setup is over). */
  hasActiveManager(tenantId: string): Promise<boolean>;
}
