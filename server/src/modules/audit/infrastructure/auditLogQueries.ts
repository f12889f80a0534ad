import type { Database } from '../../../shared/db/Database';
import { keysetPage, type Page, type PageRequest } from '../../../shared/db/keysetPage';

export interface AuditLogView {
  id: string;
  actor: string;
  action: string;
  entityType?: string;
  entityId?: string;
  details: Record<string, unknown>;
  createdAt: Date;
}

export interface AuditLogFilters {
  action?: string;
  actor?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
}

interface Row {
  id: string;
  actor: string;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  details: Record<string, unknown>;
  created_at: Date;
}

/**
 * `GET /audit-logs`: newest first. Served by (tenant_id, created_at), (tenant_id, action,
 * created_at) and (tenant_id, entity_type, entity_id, created_at).
 */
export async function listAuditLogs(
  db: Database,
  tenantId: string,
  f: AuditLogFilters,
  page: PageRequest,
): Promise<Page<AuditLogView>> {
  const query = db.q('whatsapp_audit_logs').where({ tenant_id: tenantId }).select('*');
  if (f.action) query.where({ action: f.action });
  if (f.actor) query.where({ actor: f.actor });
  if (f.entityType) query.where({ entity_type: f.entityType });
  if (f.entityId) query.where({ entity_id: f.entityId });
  if (f.from) query.where('created_at', '>=', f.from);
  if (f.to) query.where('created_at', '<', f.to);
  const { rows, nextCursor } = await keysetPage<Row>(db, query, page);
  return {
    data: rows.map((r) => ({
      id: r.id,
      actor: r.actor,
      action: r.action,
      entityType: r.entity_type ?? undefined,
      entityId: r.entity_id ?? undefined,
      details: r.details,
      createdAt: r.created_at,
    })),
    nextCursor,
  };
}
