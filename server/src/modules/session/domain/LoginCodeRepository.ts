export interface LiveLoginCode {
  id: string;
  tenantId: string;
  userId: string;
  codeHash: string;
}

export interface NewLoginCode {
  tenantId: string;
  userId: string;
  phone: string;
  codeHash: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface LoginCodeRepository {
  /** How many codes the phone was sent in the tenant since `since`. */
  countIssuedSince(tenantId: string, phone: string, since: Date): Promise<number>;
  add(code: NewLoginCode): Promise<void>;
  /** Codes of the phone neither used, expired nor out of tries (optionally in one tenant). */
  findLive(phone: string, now: Date, tenantId?: string): Promise<LiveLoginCode[]>;
  /** Uses the code once: false when another request used it first. */
  consume(id: string, now: Date): Promise<boolean>;
  /** A wrong guess costs each of the phone's live codes one try. */
  countFailedAttempt(ids: string[]): Promise<void>;
}
