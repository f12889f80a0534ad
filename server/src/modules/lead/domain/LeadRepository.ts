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
   * Inserts the lead unless the customer already has an open one (then undefined, and `ref` stays
   * unused: refs may have gaps, docs/decisions/0008-ref-sequences.md).
   */
  createUnlessOpen(lead: NewLead & { ref: string }): Promise<Lead | undefined>;
  findOpenByCustomer(tenantId: string, customerPhone: string): Promise<Lead | undefined>;
  findLatestByCustomer(tenantId: string, customerPhone: string): Promise<Lead | undefined>;
  /** By uuid or by ref (`LD-4`); `forUpdate` locks the row until the unit of work ends. */
  findById(tenantId: string, idOrRef: string, options?: { forUpdate?: boolean }): Promise<Lead | undefined>;
  /** Persists status and assignee, the only fields that change after creation. */
  save(lead: Lead): Promise<void>;
}
