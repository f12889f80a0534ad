import type { Lead } from './Lead';

export interface NewLead {
  tenantId: string;
  customerPhone: string;
  customerName?: string;
  summary: string;
  partySize?: number;
  travelMonth?: string;
  assignedTo?: string;
  conversationId?: string;
}

export interface LeadRepository {
  /**
   * Inserts the lead unless the customer already has an open one (then undefined). `allocateRef` runs
   * only in the attempt, and a losing attempt gives its number back, so LD refs keep having no gaps.
   */
  createUnlessOpen(lead: NewLead, allocateRef: () => Promise<string>): Promise<Lead | undefined>;
  findOpenByCustomer(tenantId: string, customerPhone: string): Promise<Lead | undefined>;
  findLatestByCustomer(tenantId: string, customerPhone: string): Promise<Lead | undefined>;
  /** By uuid or by ref (`LD-4`); `forUpdate` locks the row until the unit of work ends. */
  findById(tenantId: string, idOrRef: string, options?: { forUpdate?: boolean }): Promise<Lead | undefined>;
  /** Persists status and assignee, the only fields that change after creation. */
  save(lead: Lead): Promise<void>;
}
