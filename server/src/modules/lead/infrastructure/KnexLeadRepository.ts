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

  // The partial unique index decides between racing enquiries: the loser waits for the winner's commit, then inserts nothing.
  async createUnlessOpen(lead: NewLead & { ref: string }): Promise<Lead | undefined> {
    const { rows } = await this.db.q.raw<{ rows: LeadRow[] }>(
      `INSERT INTO leads (tenant_id, ref, customer_phone, customer_name, summary, party_size, travel_month, assigned_to, conversation_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (tenant_id, customer_phone) WHERE status IN ('new','contacted','quoted') DO NOTHING
       RETURNING *`,
      [
        lead.tenantId,
        lead.ref,
        lead.customerPhone,
        lead.customerName ?? null,
        lead.summary,
        lead.partySize ?? null,
        lead.travelMonth ?? null,
        lead.assignedTo ?? null,
        lead.conversationId ?? null,
      ],
    );
    return rows[0] && toLead(rows[0]);
  }

  async findOpenByCustomer(tenantId: string, customerPhone: string): Promise<Lead | undefined> {
    const row = await this.db
      .q<LeadRow>('leads')
      .where({ tenant_id: tenantId, customer_phone: customerPhone })
      .whereIn('status', OPEN_LEAD_STATUSES)
      .first();
    return row && toLead(row);
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
