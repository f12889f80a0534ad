import type { Knex } from 'knex';
import type { Database } from '../../../shared/db/Database';
import { containsPattern } from '../../../shared/db/containsPattern';
import { afterCursor, keysetPage, type KeysetColumns, type PageRequest } from '../../../shared/db/keysetPage';

/** Matches taken from each trigram index before a term counts as common. */
export const SEARCH_CANDIDATES = 1_000;
/** How many of the newest eligible conversations a common term's walk reads at most. */
export const SEARCH_WINDOW = 1_000;

const COLUMNS: KeysetColumns = { at: 'c.created_at', id: 'c.id' };
type Result<Row> = { rows: Row[]; nextCursor: string | null };

/**
 * `q` on the conversation list (docs/decisions/0024). The listing is newest first, so what a term
 * costs depends on how many conversations it matches; each step bounds its own work:
 *
 * 1. The trigram GIN indexes (migration 0014) give up to SEARCH_CANDIDATES matching conversations
 *    by name or phone, and as many by message text. Fewer on both: that is every match — a rare
 *    term — and the page is ordered from those few.
 * 2. A common term: walk the newest eligible conversations in the listing's order, on the
 *    (tenant_id, created_at, id) index, at most SEARCH_WINDOW of them, testing each one's name and
 *    phone, then its messages with LIMIT 1. A full page found so is the page: the first matches of
 *    the window are the first of all. A term in most conversations ends after about a page of rows.
 * 3. Common overall but scarce among the newest: the whole match set, then ordered and paged.
 *
 * `eligible` is the list's query with every other filter (tenant, status, unread, …) applied.
 */
export async function searchConversations<Row extends object>(
  db: Database,
  tenantId: string,
  eligible: Knex.QueryBuilder,
  q: string,
  page: PageRequest,
): Promise<Result<Row>> {
  const pattern = containsPattern(q);
  const few = await fewMatches(db, tenantId, pattern);
  if (few)
    return keysetPage<Row>(
      db,
      eligible.clone().select('c.*').whereRaw('c.id = ANY(?::uuid[])', [few]),
      page,
      COLUMNS,
    );

  const walked = await keysetPage<Row>(db, walk(db, eligible, pattern, page), page, COLUMNS);
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

/** Every conversation matching, when there are fewer than SEARCH_CANDIDATES per index; else none. */
async function fewMatches(db: Database, tenantId: string, pattern: string): Promise<string[] | undefined> {
  const { rows } = await db.q.raw<{ rows: Array<{ by: 'customer' | 'text'; id: string }> }>(
    `SELECT 'customer' AS by, id FROM (
       SELECT id FROM whatsapp_conversations
        WHERE tenant_id = ? AND (COALESCE(customer_name, '') || ' ' || customer_phone) ILIKE ? LIMIT ?) a
     UNION ALL
     SELECT 'text', id FROM (
       SELECT conversation_id AS id FROM whatsapp_messages
        WHERE tenant_id = ? AND conversation_id IS NOT NULL AND content->>'text' ILIKE ? LIMIT ?) m`,
    [tenantId, pattern, SEARCH_CANDIDATES, tenantId, pattern, SEARCH_CANDIDATES],
  );
  const count = (by: string) => rows.filter((r) => r.by === by).length;
  if (count('customer') >= SEARCH_CANDIDATES || count('text') >= SEARCH_CANDIDATES) return undefined;
  return [...new Set(rows.map((r) => r.id))];
}

/** The newest SEARCH_WINDOW eligible conversations after the cursor, those that match. */
function walk(db: Database, eligible: Knex.QueryBuilder, pattern: string, page: PageRequest) {
  const window = eligible.clone().select('c.*');
  afterCursor(window, page.cursor, COLUMNS);
  window
    .orderBy([
      { column: 'c.created_at', order: 'desc' },
      { column: 'c.id', order: 'desc' },
    ])
    .limit(SEARCH_WINDOW);
  // A scalar subquery, not EXISTS: EXISTS may be planned as one hashed scan of every message.
  return db.q
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
}
