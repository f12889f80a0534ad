import type { Database } from '../../../shared/db/Database';
import { keysetPage, type Page, type PageRequest } from '../../../shared/db/keysetPage';
import type { ConsoleSession } from '../domain/ConsoleSession';
import { toSession, type SessionRow } from './KnexSessionRepository';

export interface SessionFilters {
  /** One user's sessions; absent: the whole tenant's (managers). */
  userId?: string;
}

/** `GET /auth/sessions`: live sessions (not revoked, not expired), newest first. */
export async function listLiveSessions(
  db: Database,
  tenantId: string,
  now: Date,
  filters: SessionFilters,
  page: PageRequest,
): Promise<Page<ConsoleSession>> {
  const query = db
    .q('console_sessions')
    .where({ tenant_id: tenantId })
    .whereNull('revoked_at')
    .where('expires_at', '>', now)
    .select(
      'id',
      'tenant_id',
      'user_id',
      'method',
      'user_agent',
      'created_at',
      'last_seen_at',
      'expires_at',
      'revoked_at',
    );
  if (filters.userId) query.where({ user_id: filters.userId });
  const { rows, nextCursor } = await keysetPage<SessionRow>(db, query, page);
  return { data: rows.map(toSession), nextCursor };
}
