import type { User } from './User';

export interface SenderContext {
  /** The tenant's default language, for the answers. */
  language: string;
  /** The tenant's users with one of the asked phones, active or not, by phone; customers are absent. */
  users: Map<string, User>;
}

/** Asked for every batch of inbound messages, so both answers come from one query. */
export interface SenderDirectory {
  /** Undefined when the tenant does not exist. */
  lookup(tenantId: string, phones: string[]): Promise<SenderContext | undefined>;
}
