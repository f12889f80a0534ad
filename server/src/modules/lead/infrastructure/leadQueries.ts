import type { Database } from '../../../shared/db/Database';
import { keysetPage, type Page, type PageRequest } from '../../../shared/db/keysetPage';
import type { Lead } from '../domain/Lead';
import { toLead, type LeadRow } from './KnexLeadRepository';

export interface LeadFilters {
  status?: string;
  assignedTo?: string;
  /** E.164 */
  phone?: string;
}

/** `GET /leads`: newest first; served by leads (tenant_id, created_at, id) and the filter indexes. */
export async function listLeads(
  db: Database,
  tenantId: string,
  filters: LeadFilters,
  page: PageRequest,
): Promise<Page<Lead>> {
  const query = db.q('leads').where({ tenant_id: tenantId }).select('*');
  if (filters.status) query.where({ status: filters.status });
  if (filters.assignedTo) query.where({ assigned_to: filters.assignedTo });
  if (filters.phone) query.where({ customer_phone: filters.phone });
  const { rows, nextCursor } = await keysetPage<LeadRow>(db, query, page);
  return { data: rows.map(toLead), nextCursor };
}
