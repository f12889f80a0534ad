import type { Database } from '../../../shared/db/Database';
import { keysetPage, type Page, type PageRequest } from '../../../shared/db/keysetPage';
import { isUuid } from '../../lead/domain/isUuid';
import type { Conversation } from '../domain/Conversation';
import { toConversation, type ConversationRow } from './KnexConversationRepository';

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

type Row = ConversationRow & { last_message_at: Date | null; created_at: Date };

const toView = (r: Row): ConversationView => ({
  ...toConversation(r),
  lastMessageAt: r.last_message_at ?? undefined,
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
