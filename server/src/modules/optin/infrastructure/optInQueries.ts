import type { Database } from '../../../shared/db/Database';
import { keysetPage, type Page, type PageRequest } from '../../../shared/db/keysetPage';
import type { OptInStatus } from '../domain/OptIn';

export interface OptInView {
  phone: string;
  status: OptInStatus;
  source: string;
  marketingOptedOutAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

interface Row {
  phone: string;
  status: OptInStatus;
  source: string;
  marketing_opted_out_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const toView = (r: Row): OptInView => ({
  phone: r.phone,
  status: r.status,
  source: r.source,
  marketingOptedOutAt: r.marketing_opted_out_at ?? undefined,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** `GET /opt-ins`: newest first, keyed on (created_at, phone); `phone` is the primary key lookup. */
export async function listOptIns(
  db: Database,
  tenantId: string,
  filters: { phone?: string; status?: string },
  page: PageRequest,
): Promise<Page<OptInView>> {
  const query = db.q('whatsapp_opt_ins').where({ tenant_id: tenantId }).select('*');
  if (filters.phone) query.where({ phone: filters.phone });
  if (filters.status) query.where({ status: filters.status });
  const { rows, nextCursor } = await keysetPage<Row & { id: string }>(db, query, page, {
    at: 'created_at',
    id: 'phone',
    textKey: true,
  });
  return { data: rows.map(toView), nextCursor };
}

export async function findOptIn(
  db: Database,
  tenantId: string,
  phone: string,
): Promise<OptInView | undefined> {
  const row = (await db.q('whatsapp_opt_ins').where({ tenant_id: tenantId, phone }).first()) as
    Row | undefined;
  return row && toView(row);
}
