import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import { Lead, OPEN_LEAD_STATUSES, type LeadStatus } from '../domain/Lead';
import type { LeadRepository, NewLead } from '../domain/LeadRepository';
import { idOrRef } from './idOrRef';

export interface LeadRow {
  id: string;
  tenant_id: string;
  ref: string;
  customer_phone: string;
  customer_name: string | null;
  status: LeadStatus;
  summary: string | null;
  party_size: number | null;
  travel_month: string | null;
  assigned_to: string | null;
  conversation_id: string | null;
  created_at: Date;
}

export const toLead = (r: LeadRow): Lead =>
  new Lead({
    id: r.id,
    tenantId: r.tenant_id,
    ref: r.ref,
    customerPhone: r.customer_phone,
    customerName: r.customer_name ?? undefined,
    status: r.status,
    summary: r.summary ?? undefined,
    partySize: r.party_size ?? undefined,
    travelMonth: r.travel_month ?? undefined,
    assignedTo: r.assigned_to ?? undefined,
    conversationId: r.conversation_id ?? undefined,
    createdAt: r.created_at,
  });

@injectable()
export class KnexLeadRepository implements LeadRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  // The partial unique index decides between racing enquiries: the loser waits for the winner's
  // commit, then inserts nothing. Rows go in customer order so racing batches lock alike.
  async createUnlessOpen(
    tenantId: string,
    leads: Array<NewLead & { ref: string }>,
  ): Promise<Map<string, Lead>> {
    if (!leads.length) return new Map();
    const { rows } = await this.db.q.raw<{ rows: LeadRow[] }>(
      `INSERT INTO leads (tenant_id, ref, customer_phone, customer_name, summary, party_size, travel_month, assigned_to, conversation_id)
       SELECT ?, ref, customer_phone, customer_name, summary, party_size, travel_month, assigned_to, conversation_id
         FROM jsonb_to_recordset(?::jsonb) AS l(ref text, customer_phone text, customer_name text, summary text,
              party_size int, travel_month text, assigned_to uuid, conversation_id uuid)
        ORDER BY customer_phone
       ON CONFLICT (tenant_id, customer_phone) WHERE status IN ('new','contacted','quoted') DO NOTHING
       RETURNING *`,
      [
        tenantId,
        JSON.stringify(
          leads.map((l) => ({
            ref: l.ref,
            customer_phone: l.customerPhone,
            customer_name: l.customerName,
            summary: l.summary,
            party_size: l.partySize,
            travel_month: l.travelMonth,
            assigned_to: l.assignedTo,
            conversation_id: l.conversationId,
          })),
        ),
      ],
    );
    return new Map(rows.map((r) => [r.customer_phone, toLead(r)]));
  }

  async findOpenByCustomers(tenantId: string, customerPhones: string[]): Promise<Map<string, Lead>> {
    if (!customerPhones.length) return new Map();
    const rows = await this.db
      .q<LeadRow>('leads')
      .where({ tenant_id: tenantId })
      .whereIn('customer_phone', customerPhones)
      .whereIn('status', OPEN_LEAD_STATUSES);
    return new Map(rows.map((r) => [r.customer_phone, toLead(r)]));
  }

  async findLatestByCustomer(tenantId: string, customerPhone: string): Promise<Lead | undefined> {
    const row = await this.db
      .q<LeadRow>('leads')
      .where({ tenant_id: tenantId, customer_phone: customerPhone })
      .orderBy('created_at', 'desc')
      .first();
    return row && toLead(row);
  }

  async findById(
    tenantId: string,
    idOrRefText: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<Lead | undefined> {
    const key = idOrRef('LD', idOrRefText);
    if (!key) return undefined;
    const query = this.db.q<LeadRow>('leads').where({ tenant_id: tenantId, ...key });
    const row = await (options.forUpdate ? query.forUpdate() : query).first();
    return row && toLead(row);
  }

  async save(lead: Lead): Promise<void> {
    await this.db
      .q('leads')
      .where({ tenant_id: lead.tenantId, id: lead.id })
      .update({
        status: lead.status,
        assigned_to: lead.assignedTo ?? null,
        updated_at: this.db.knex.fn.now(),
      });
  }
}
