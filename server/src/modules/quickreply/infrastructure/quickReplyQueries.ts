import type { Database } from '../../../shared/db/Database';
import { keysetPage, type Page, type PageRequest } from '../../../shared/db/keysetPage';
import type { QuickReply } from '../domain/QuickReply';
import { toQuickReply, type QuickReplyRow } from './KnexQuickReplies';

/** The tenant's quick replies, newest first; `q` matches the start of a shortcut or any part of the text. */
export async function listQuickReplies(
  db: Database,
  tenantId: string,
  page: PageRequest & { q?: string },
): Promise<Page<QuickReply>> {
  const query = db.q('quick_replies').where({ tenant_id: tenantId }).select('*');
  const q = page.q?.trim().replace(/^\//, '');
  if (q) {
    const like = q.replace(/[\\%_]/g, (c) => `\\${c}`);
    query.andWhere((match) =>
      match.where('shortcut', 'like', `${like.toLowerCase()}%`).orWhere('text', 'ilike', `%${like}%`),
    );
  }
  const { rows, nextCursor } = await keysetPage<QuickReplyRow>(db, query, page);
  return { data: rows.map(toQuickReply), nextCursor };
}
