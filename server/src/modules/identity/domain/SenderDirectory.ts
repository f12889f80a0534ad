import type { User } from './User';

export interface SenderContext {
  /** The tenant's default language, for the answer. */
  language: string;
  /** The tenant's user with that phone, active or not; absent for customers. */
  user?: User;
}

/** Asked for every inbound message, so both answers come from one query. */
export interface SenderDirectory {
  /** Undefined when the tenant does not exist. */
  lookup(tenantId: string, phone: string): Promise<SenderContext | undefined>;
}
