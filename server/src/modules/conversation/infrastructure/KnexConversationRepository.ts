import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import {
  SERVICE_WINDOW_MS,
  type Conversation,
  type ConversationRepository,
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
   * One statement: concurrent first messages from one customer still make one active conversation,
   * and the message is attached in the same round trip.
   */
  async touchInbound(c: InboundContact): Promise<Conversation> {
    const expires = new Date(c.at.getTime() + SERVICE_WINDOW_MS);
    const { rows } = await this.db.q.raw(
      `WITH conversation AS (
       INSERT INTO whatsapp_conversations
         (tenant_id, customer_phone, customer_user_id, customer_name, last_inbound_at, last_message_at, expires_at, unread_count)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1)
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
         UPDATE whatsapp_messages SET conversation_id = (SELECT id FROM conversation) WHERE id = ?)
       SELECT * FROM conversation`,
      [
        c.tenantId,
        c.customerPhone,
        c.customerUserId ?? null,
        c.customerName ?? null,
        c.at,
        c.at,
        expires,
        c.messageId,
      ],
    );
    return toConversation(rows[0] as ConversationRow);
  }

  async findById(tenantId: string, id: string): Promise<Conversation | undefined> {
    const row = await this.db
      .q<ConversationRow>('whatsapp_conversations')
      .where({ tenant_id: tenantId, id })
      .first();
    return row && toConversation(row);
  }

  async bind(tenantId: string, id: string, state: string, context: Record<string, unknown>): Promise<void> {
    await this.db
      .q('whatsapp_conversations')
      .where({ tenant_id: tenantId, id })
      .update({ state, context: JSON.stringify(context), updated_at: this.db.knex.fn.now() });
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
    changes: { assignedTo?: string | null; status?: 'closed'; unreadCount?: 0 },
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
}
