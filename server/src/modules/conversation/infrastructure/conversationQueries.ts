import type { Database } from '../../../shared/db/Database';
import { keysetPage, type Page, type PageRequest } from '../../../shared/db/keysetPage';
import { isUuid } from '../../lead/domain/isUuid';
import type { Conversation } from '../domain/Conversation';
import { toConversation, type ConversationRow } from './KnexConversationRepository';
import { searchConversations } from './conversationSearch';
import { lastMessages, type LastMessage } from './lastMessages';

export interface ConversationView extends Conversation {
  lastMessageAt?: Date;
  createdAt: Date;
  lastMessage?: LastMessage;
}

export interface ConversationFilters {
  /** A stored status; `open` is `active`. */
  status?: string;
  /** E.164 */
  phone?: string;
  /** A user id, or `none`: nobody's. */
  assignedTo?: string;
  /** Customer name, phone or message text, anywhere in it (trigram indexes). */
  q?: string;
  /** Only conversations with messages staff have not read. */
  unread?: boolean;
}

type Row = ConversationRow & { last_message_at: Date | null; created_at: Date };

const toView = (r: Row, last?: LastMessage): ConversationView => ({
  ...toConversation(r),
  lastMessageAt: r.last_message_at ?? undefined,
  createdAt: r.created_at,
  lastMessage: last,
});

/**
 * `GET /conversations`: newest first on (tenant_id, created_at, id); `unread` on the partial index
 * of unread conversations; `assignedTo` on (tenant_id, assigned_to, created_at, id), migration
 * 0022; `q` matches the customer (name, phone) or any message text (conversationSearch: a walk of
 * the newest, then the trigram indexes of migration 0014). The page's last messages come in one
 * more query.
 */
export async function listConversations(
  db: Database,
  tenantId: string,
  filters: ConversationFilters,
  page: PageRequest,
): Promise<Page<ConversationView>> {
  const query = db.q('whatsapp_conversations as c').where('c.tenant_id', tenantId);
  if (filters.status) query.where('c.status', filters.status === 'open' ? 'active' : filters.status);
  if (filters.phone) query.where('c.customer_phone', filters.phone);
  if (filters.assignedTo === 'none') query.whereNull('c.assigned_to');
  else if (filters.assignedTo) query.where('c.assigned_to', filters.assignedTo);
  if (filters.unread) query.where('c.unread_count', '>', 0);
  const { rows, nextCursor } = filters.q
    ? await searchConversations<Row>(db, tenantId, query, filters.q, page)
    : await keysetPage<Row>(db, query.select('c.*'), page, { at: 'c.created_at', id: 'c.id' });
  const last = await lastMessages(
    db,
    rows.map((r) => r.id),
  );
  return { data: rows.map((r) => toView(r, last.get(r.id))), nextCursor };
}

export async function findConversation(
  db: Database,
  tenantId: string,
  id: string,
): Promise<ConversationView | undefined> {
  if (!isUuid(id)) return undefined;
  const row = (await db.q('whatsapp_conversations').where({ tenant_id: tenantId, id }).first()) as
    Row | undefined;
  return row && toView(row, (await lastMessages(db, [row.id])).get(row.id));
}
