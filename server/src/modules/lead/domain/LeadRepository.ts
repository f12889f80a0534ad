import type { Lead } from './Lead';

export interface NewLead {
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
   * Inserts each lead (one per customer) unless its customer already has an open one (then it is
   * missing from the answer, and its `ref` stays unused: refs may have gaps,
   * docs/decisions/0008-ref-sequences.md). Returns the inserted leads by customer phone.
   */
  createUnlessOpen(tenantId: string, leads: Array<NewLead & { ref: string }>): Promise<Map<string, Lead>>;
  /** The open lead of each of these customers that has one, by customer phone. */
  findOpenByCustomers(tenantId: string, customerPhones: string[]): Promise<Map<string, Lead>>;
  findLatestByCustomer(tenantId: string, customerPhone: string): Promise<Lead | undefined>;
  /** By uuid or by ref (`LD-4`); `forUpdate` locks the row until the unit of work ends. */
  findById(tenantId: string, idOrRef: string, options?: { forUpdate?: boolean }): Promise<Lead | undefined>;
  /** Persists status and assignee, the only fields that change after creation. */
  save(lead: Lead): Promise<void>;
}
