import type { Database } from '../../../shared/db/Database';
import { keysetPage, type Page, type PageRequest } from '../../../shared/db/keysetPage';
import { isUuid } from '../../lead/domain/isUuid';
import type { Conversation } from '../domain/Conversation';

export interface ConversationView extends Conversation {
  lastMessageAt?: Date;
  createdAt: Date;
}

export interface ConversationFilters {
  status?: string;
  /** E.164 */
  phone?: string;
  assignedTo?: string;
}

interface Row {
  id: string;
  tenant_id: string;
  customer_phone: string;
  customer_user_id: string | null;
  customer_name: string | null;
  state: string;
  status: Conversation['status'];
  context: Record<string, unknown>;
  last_inbound_at: Date | null;
  last_message_at: Date | null;
  expires_at: Date | null;
  assigned_to: string | null;
  unread_count: number;
  created_at: Date;
}

const toView = (r: Row): ConversationView => ({
  id: r.id,
  tenantId: r.tenant_id,
  customerPhone: r.customer_phone,
  customerUserId: r.customer_user_id ?? undefined,
  customerName: r.customer_name ?? undefined,
  state: r.state,
  status: r.status,
  context: r.context,
  lastInboundAt: r.last_inbound_at ?? undefined,
  lastMessageAt: r.last_message_at ?? undefined,
  expiresAt: r.expires_at ?? undefined,
  assignedTo: r.assigned_to ?? undefined,
  unreadCount: r.unread_count,
  createdAt: r.created_at,
});

/** `GET /conversations`: newest first; served by (tenant_id, created_at, id) and (tenant_id, customer_phone). */
export async function listConversations(
  db: Database,
  tenantId: string,
  filters: ConversationFilters,
  page: PageRequest,
): Promise<Page<ConversationView>> {
  const query = db.q('whatsapp_conversations').where({ tenant_id: tenantId }).select('*');
  if (filters.status) query.where({ status: filters.status });
  if (filters.phone) query.where({ customer_phone: filters.phone });
  if (filters.assignedTo) query.where({ assigned_to: filters.assignedTo });
  const { rows, nextCursor } = await keysetPage<Row>(db, query, page);
  return { data: rows.map(toView), nextCursor };
}

export async function findConversation(
  db: Database,
  tenantId: string,
  id: string,
): Promise<ConversationView | undefined> {
  if (!isUuid(id)) return undefined;
  const row = (await db.q('whatsapp_conversations').where({ tenant_id: tenantId, id }).first()) as
    Row | undefined;
  return row && toView(row);
}
