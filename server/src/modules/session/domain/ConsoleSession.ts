import type { User } from '../../identity/domain/User';

export type SignInMethod = 'code' | 'api_key' | 'setup';

export interface ConsoleSession {
  id: string;
  tenantId: string;
  userId: string;
  method: SignInMethod;
  userAgent?: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt?: Date;
}

export interface NewConsoleSession {
  tenantId: string;
  userId: string;
  tokenHash: string;
  method: SignInMethod;
  apiKeyId?: string;
  userAgent?: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface SessionRepository {
  create(session: NewConsoleSession): Promise<ConsoleSession>;
  /**
   * The live session behind a token and its user: not revoked, not expired, the user active and,
   * for a session opened with an API key, that key not revoked.
   */
  findLive(tokenHash: string, now: Date): Promise<{ session: ConsoleSession; user: User } | undefined>;
  /** Moves the session's expiry on after a use. */
  touch(id: string, now: Date, expiresAt: Date): Promise<void>;
  findById(tenantId: string, id: string): Promise<ConsoleSession | undefined>;
  revoke(tenantId: string, id: string, now: Date): Promise<boolean>;
}
