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

export async function findMessage(db: Database, tenantId: string, id: string): Promise<Message | undefined> {
  if (!isUuid(id)) return undefined;
  const row = (await db.q('whatsapp_messages').where({ tenant_id: tenantId, id }).first()) as Row | undefined;
  return row && toMessage(row);
}
