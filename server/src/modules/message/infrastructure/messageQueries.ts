import type { Database } from '../../../shared/db/Database';
import { keysetPage, type Page, type PageRequest } from '../../../shared/db/keysetPage';
import { isUuid } from '../../lead/domain/isUuid';
import type { Message } from '../domain/Message';
import { toMessage } from './KnexMessageRepository';

type Row = Parameters<typeof toMessage>[0];

/** A conversation's messages, newest first; served by (conversation_id, created_at, id). */
export async function listConversationMessages(
  db: Database,
  tenantId: string,
  conversationId: string,
  page: PageRequest,
): Promise<Page<Message>> {
  const query = db
    .q('whatsapp_messages')
    .where({ tenant_id: tenantId, conversation_id: conversationId })
    .select('*');
  const { rows, nextCursor } = await keysetPage<Row>(db, query, page);
  return { data: rows.map(toMessage), nextCursor };
}

export interface MessageFilters {
  conversationId?: string;
  /** E.164: the customer (or staff member) the message was from or to. */
  phone?: string;
  direction?: 'INBOUND' | 'OUTBOUND';
  status?: string;
  since?: Date;
}

/**
 * `GET /messages`: every message of the tenant, newest first, staff alerts included (they belong
 * to no conversation); served by (tenant_id, created_at, id), or (conversation_id, …) with one.
 */
export async function listMessages(
  db: Database,
  tenantId: string,
  filters: MessageFilters,
  page: PageRequest,
): Promise<Page<Message>> {
  const query = db.q('whatsapp_messages').where({ tenant_id: tenantId }).select('*');
  if (filters.conversationId) query.where({ conversation_id: filters.conversationId });
  if (filters.phone) query.where({ customer_phone: filters.phone });
  if (filters.direction) query.where({ direction: filters.direction });
  if (filters.status) query.where({ status: filters.status });
  if (filters.since) query.where('created_at', '>=', filters.since);
  const { rows, nextCursor } = await keysetPage<Row>(db, query, page);
  return { data: rows.map(toMessage), nextCursor };
}

export async function findMessage(db: Database, tenantId: string, id: string): Promise<Message | undefined> {
  if (!isUuid(id)) return undefined;
  const row = (await db.q('whatsapp_messages').where({ tenant_id: tenantId, id }).first()) as Row | undefined;
  return row && toMessage(row);
}
