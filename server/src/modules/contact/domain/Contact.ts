import type { CustomerLanguage } from './detectLanguage';

/** A customer of the tenant, by phone (E.164) or business-scoped user id (SPEC §19). */
export interface Contact {
  tenantId: string;
  phone: string;
  name?: string;
  language?: CustomerLanguage;
  /** `staff` when set by hand (detection no longer changes it), `detected` from their messages. */
  languageSource?: 'staff' | 'detected';
  tags: string[];
  notes?: string;
  lastSeenAt?: Date;
  createdAt: Date;
}

export interface SeenContact {
  phone: string;
  name?: string;
  /** Detected from the message just received. */
  language?: CustomerLanguage;
  at: Date;
}

export interface ContactChanges {
  name?: string | null;
  language?: CustomerLanguage | null;
  tags?: string[];
  notes?: string | null;
}

export interface ContactRepository {
  /**
   * Records that these customers wrote (one statement for all): the contact made if new, name and
   * last seen updated, a detected language kept unless staff set one. Returns each one's language.
   */
  touch(tenantId: string, seen: SeenContact[]): Promise<Map<string, CustomerLanguage | undefined>>;
  find(tenantId: string, phone: string): Promise<Contact | undefined>;
  /** The language of each of these customers that has one (set by staff or detected). */
  languages(tenantId: string, phones: readonly string[]): Promise<Map<string, CustomerLanguage>>;
  /** Creates the contact if needed; a language given here is staff's. */
  update(tenantId: string, phone: string, changes: ContactChanges): Promise<Contact>;
}
