import type { Knex } from 'knex';
import type { Database } from '../../../shared/db/Database';
import { containsPattern } from '../../../shared/db/containsPattern';
import { afterCursor, keysetPage, type KeysetColumns, type PageRequest } from '../../../shared/db/keysetPage';

/**
 * How many of the newest eligible conversations the first step of a search reads. A term that
 * matches at least one in five of them fills a page from this window alone.
 */
export const SEARCH_WINDOW = 250;

const COLUMNS: KeysetColumns = { at: 'c.created_at', id: 'c.id' };

/**
 * `q` on the conversation list, in two steps (docs/decisions/0024):
 *
 * 1. Walk the newest conversations in the listing's order — the (tenant_id, created_at, id) index
 *    — at most SEARCH_WINDOW of them, testing each: its name and phone, then its messages through
 *    (conversation_id, …) with LIMIT 1. When that finds more than a page, it is the page: the
 *    first matches of the window are the first matches of all. Common terms end here, after
 *    reading about a page's worth of rows, however many conversations match in total.
 * 2. Otherwise the term is rare: the trigram GIN indexes (migration 0014) give the whole match
 *    set, small by now, which is then ordered and paged.
 *
 * `eligible` is the list's query with every other filter (tenant, status, unread, …) applied.
 */
export async function searchConversations<Row extends object>(
  db: Database,
  tenantId: string,
  eligible: Knex.QueryBuilder,
  q: string,
  page: PageRequest,
): Promise<{ rows: Row[]; nextCursor: string | null }> {
  const pattern = containsPattern(q);
  const window = eligible.clone().select('c.*');
  afterCursor(window, page.cursor, COLUMNS);
  window
    .orderBy([
      { column: 'c.created_at', order: 'desc' },
      { column: 'c.id', order: 'desc' },
    ])
    .limit(SEARCH_WINDOW);
  // A scalar subquery, not EXISTS: EXISTS may be planned as one hashed scan of every message.
  const walk = db.q
    .queryBuilder()
    .from(window.as('c'))
    .select('c.*')
    .whereRaw(
      `((COALESCE(c.customer_name, '') || ' ' || c.customer_phone) ILIKE ?
        OR (SELECT true FROM whatsapp_messages m
             WHERE m.conversation_id = c.id AND m.tenant_id = c.tenant_id AND m.content->>'text' ILIKE ?
             LIMIT 1))`,
      [pattern, pattern],
    );
  const walked = await keysetPage<Row>(db, walk, page, COLUMNS);
  if (walked.nextCursor) return walked;

  const matching = eligible.clone().select('c.*');
  matching.whereRaw(
    `c.id IN (SELECT id FROM whatsapp_conversations
               WHERE tenant_id = ? AND (COALESCE(customer_name, '') || ' ' || customer_phone) ILIKE ?
              UNION
              SELECT conversation_id FROM whatsapp_messages
               WHERE tenant_id = ? AND conversation_id IS NOT NULL AND content->>'text' ILIKE ?)`,
    [tenantId, pattern, tenantId, pattern],
  );
  return keysetPage<Row>(db, matching, page, COLUMNS);
}
