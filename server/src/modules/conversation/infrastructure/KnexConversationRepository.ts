import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import {
  SERVICE_WINDOW_MS,
  type Conversation,
  type ConversationBinding,
  type ConversationRepository,
  type HandlingStatus,
  type InboundContact,
} from '../domain/Conversation';

export interface ConversationRow {
  id: string;
  tenant_id: string;
  customer_phone: string;
  customer_user_id: string | null;
  customer_name: string | null;
  state: string;
  status: Conversation['status'];
  context: Record<string, unknown>;
  last_inbound_at: Date | null;
  expires_at: Date | null;
  assigned_to: string | null;
  unread_count: number;
}

export const toConversation = (r: ConversationRow): Conversation => ({
  id: r.id,
  tenantId: r.tenant_id,
  customerPhone: r.customer_phone,
  customerUserId: r.customer_user_id ?? undefined,
  customerName: r.customer_name ?? undefined,
  state: r.state,
  status: r.status,
  context: r.context,
  lastInboundAt: r.last_inbound_at ?? undefined,
  expiresAt: r.expires_at ?? undefined,
  assignedTo: r.assigned_to ?? undefined,
  unreadCount: r.unread_count,
});

@injectable()
export class KnexConversationRepository implements ConversationRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  /**
   * One statement for the whole batch: concurrent first messages from one customer still make one
   * active conversation, and the messages are attached in the same round trip. Rows go in customer
   * order so two batches upserting the same customers lock them in the same order. Here and below,
   * a batch's rows are matched by `id = ANY (ARRAY(…))` too: the planner takes a function's rows for
   * 100, and against a table of a few thousand rows it would rather scan it than probe its index.
   */
  async touchInbound(tenantId: string, contacts: InboundContact[]): Promise<Map<string, Conversation>> {
    if (!contacts.length) return new Map();
    const { rows } = await this.db.q.raw<{ rows: ConversationRow[] }>(
      `WITH contact AS (
         SELECT * FROM jsonb_to_recordset(?::jsonb)
           AS c(message_id uuid, customer_phone text, customer_user_id text, customer_name text, at timestamptz)),
       conversation AS (
         INSERT INTO whatsapp_conversations
           (tenant_id, customer_phone, customer_user_id, customer_name, last_inbound_at, last_message_at, expires_at, unread_count)
         SELECT ?, customer_phone, customer_user_id, customer_name, at, at, at + make_interval(secs => ?), 1
           FROM contact ORDER BY customer_phone
         ON CONFLICT (tenant_id, customer_phone) WHERE status = 'active' DO UPDATE SET
           customer_user_id = COALESCE(EXCLUDED.customer_user_id, whatsapp_conversations.customer_user_id),
           customer_name = COALESCE(EXCLUDED.customer_name, whatsapp_conversations.customer_name),
           last_inbound_at = GREATEST(whatsapp_conversations.last_inbound_at, EXCLUDED.last_inbound_at),
           last_message_at = GREATEST(whatsapp_conversations.last_message_at, EXCLUDED.last_message_at),
           expires_at = GREATEST(whatsapp_conversations.expires_at, EXCLUDED.expires_at),
           unread_count = whatsapp_conversations.unread_count + 1,
           updated_at = now()
         RETURNING *),
       attached AS (
         UPDATE whatsapp_messages m SET conversation_id = conversation.id
           FROM contact JOIN conversation USING (customer_phone)
          WHERE m.id = ANY (ARRAY(SELECT message_id FROM contact)) AND m.id = contact.message_id)
       SELECT * FROM conversation`,
      [
        JSON.stringify(
          contacts.map((c) => ({
            message_id: c.messageId,
            customer_phone: c.customerPhone,
            customer_user_id: c.customerUserId,
            customer_name: c.customerName,
            at: c.at.toISOString(),
          })),
        ),
        tenantId,
        SERVICE_WINDOW_MS / 1000,
      ],
    );
    return new Map(rows.map((r) => [r.customer_phone, toConversation(r)]));
  }

  async findById(tenantId: string, id: string): Promise<Conversation | undefined> {
    const row = await this.db
      .q<ConversationRow>('whatsapp_conversations')
      .where({ tenant_id: tenantId, id })
      .first();
    return row && toConversation(row);
  }

  async bind(tenantId: string, bindings: ConversationBinding[]): Promise<void> {
    if (!bindings.length) return;
    await this.db.q.raw(
      `WITH b AS (SELECT * FROM jsonb_to_recordset(?::jsonb) AS b(id uuid, state text, context jsonb))
       UPDATE whatsapp_conversations c SET state = b.state, context = b.context, updated_at = now()
         FROM b WHERE c.tenant_id = ? AND c.id = ANY (ARRAY(SELECT id FROM b)) AND c.id = b.id`,
      [JSON.stringify(bindings), tenantId],
    );
  }

  async expireIdle(idleSince: Date, limit: number): Promise<number> {
    const { rowCount } = await this.db.q.raw(
      `UPDATE whatsapp_conversations SET status = 'expired', updated_at = now()
        WHERE id IN (SELECT id FROM whatsapp_conversations
                      WHERE status = 'active' AND COALESCE(last_message_at, created_at) < ?
                      LIMIT ? FOR UPDATE SKIP LOCKED)`,
      [idleSince, limit],
    );
    return Number(rowCount ?? 0);
  }

  async updateHandling(
    tenantId: string,
    id: string,
    changes: { assignedTo?: string | null; status?: HandlingStatus; unreadCount?: 0 },
  ): Promise<void> {
    await this.db
      .q('whatsapp_conversations')
      .where({ tenant_id: tenantId, id })
      .update({
        ...(changes.assignedTo !== undefined && { assigned_to: changes.assignedTo }),
        ...(changes.status && { status: changes.status }),
        ...(changes.unreadCount !== undefined && { unread_count: changes.unreadCount }),
        updated_at: this.db.knex.fn.now(),
      });
  }

  async assignUnassigned(
    tenantId: string,
    assignments: Array<{ id: string; assignedTo: string }>,
  ): Promise<string[]> {
    if (!assignments.length) return [];
    const { rows } = await this.db.q.raw<{ rows: Array<{ id: string }> }>(
      `WITH a AS (SELECT * FROM jsonb_to_recordset(?::jsonb) AS a(id uuid, assigned_to uuid))
       UPDATE whatsapp_conversations c SET assigned_to = a.assigned_to, updated_at = now()
         FROM a WHERE c.tenant_id = ? AND c.id = ANY (ARRAY(SELECT id FROM a)) AND c.id = a.id
          AND c.assigned_to IS NULL
       RETURNING c.id`,
      [JSON.stringify(assignments.map((a) => ({ id: a.id, assigned_to: a.assignedTo }))), tenantId],
    );
    return rows.map((r) => r.id);
  }

  async findActiveByCustomer(tenantId: string, customerPhone: string): Promise<Conversation | undefined> {
    const row = await this.db
      .q<ConversationRow>('whatsapp_conversations')
      .where({ tenant_id: tenantId, customer_phone: customerPhone, status: 'active' })
      .first();
    return row && toConversation(row);
  }
}
