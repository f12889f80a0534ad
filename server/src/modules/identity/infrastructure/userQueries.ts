import type { Database } from '../../../shared/db/Database';
import { keysetPage, type Page, type PageRequest } from '../../../shared/db/keysetPage';
import type { User } from '../domain/User';
import { toUser, type UserRow } from './KnexUserRepository';

export interface UserFilters {
  role?: string;
  active?: boolean;
}

/** `GET /users`: the tenant's staff, newest first. */
export async function listUsers(
  db: Database,
  tenantId: string,
  filters: UserFilters,
  page: PageRequest,
): Promise<Page<User>> {
  const query = db.q('users').where({ tenant_id: tenantId }).select('*');
  if (filters.role) query.where({ role: filters.role });
  if (filters.active !== undefined) query.where({ active: filters.active });
  const { rows, nextCursor } = await keysetPage<UserRow>(db, query, page);
  return { data: rows.map(toUser), nextCursor };
}
