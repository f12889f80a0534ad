import type { Database } from '../../../shared/db/Database';
import { keysetPage, type Page, type PageRequest } from '../../../shared/db/keysetPage';
import { parseRef } from '../../../shared/refs/RefAllocator';
import { isUuid } from '../../trip/infrastructure/isUuid';

export interface IncidentView {
  id: string;
  ref: string;
  tripId: string;
  tripCode: string;
  reporterId?: string;
  /** The staff names behind reporterId, acknowledgedBy and resolvedBy, while those users exist. */
  reporterName?: string;
  description: string;
  status: string;
  acknowledgedBy?: string;
  acknowledgedByName?: string;
  acknowledgedAt?: Date;
  resolutionNote?: string;
  resolvedBy?: string;
  resolvedByName?: string;
  resolvedAt?: Date;
  createdAt: Date;
}

export interface IncidentFilters {
  status?: string;
  tripCode?: string;
  /** Only incidents of trips this user is assigned to (field staff). */
  assignedTo?: string;
}

interface Row {
  id: string;
  ref: string;
  trip_id: string;
  trip_code: string;
  reporter_id: string | null;
  reporter_name: string | null;
  description: string;
  status: string;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  acknowledged_at: Date | null;
  resolution_note: string | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
  resolved_at: Date | null;
  created_at: Date;
}

const toView = (r: Row): IncidentView => ({
  id: r.id,
  ref: r.ref,
  tripId: r.trip_id,
  tripCode: r.trip_code,
  reporterId: r.reporter_id ?? undefined,
  reporterName: r.reporter_name ?? undefined,
  description: r.description,
  status: r.status,
  acknowledgedBy: r.acknowledged_by ?? undefined,
  acknowledgedByName: r.acknowledged_by_name ?? undefined,
  acknowledgedAt: r.acknowledged_at ?? undefined,
  resolutionNote: r.resolution_note ?? undefined,
  resolvedBy: r.resolved_by ?? undefined,
  resolvedByName: r.resolved_by_name ?? undefined,
  resolvedAt: r.resolved_at ?? undefined,
  createdAt: r.created_at,
});

function incidents(db: Database, tenantId: string, assignedTo?: string) {
  const query = db
    .q('incidents as i')
    .join('trips as t', function () {
      this.on('t.id', 'i.trip_id').andOn('t.tenant_id', 'i.tenant_id');
    })
    .leftJoin('users as reporter', 'reporter.id', 'i.reporter_id')
    .leftJoin('users as acknowledger', 'acknowledger.id', 'i.acknowledged_by')
    .leftJoin('users as resolver', 'resolver.id', 'i.resolved_by')
    .where('i.tenant_id', tenantId)
    .select(
      'i.*',
      't.code as trip_code',
      'reporter.name as reporter_name',
      'acknowledger.name as acknowledged_by_name',
      'resolver.name as resolved_by_name',
    );
  if (assignedTo)
    query.whereExists(
      db
        .q('trip_assignments as a')
        .whereRaw('a.trip_id = i.trip_id')
        .where({ 'a.tenant_id': tenantId, 'a.user_id': assignedTo })
        .select(db.knex.raw('1')),
    );
  return query;
}

/** `GET /incidents`: newest first; served by incidents (tenant_id, created_at, id). */
export async function listIncidents(
  db: Database,
  tenantId: string,
  filters: IncidentFilters,
  page: PageRequest,
): Promise<Page<IncidentView>> {
  const query = incidents(db, tenantId, filters.assignedTo);
  if (filters.status) query.where('i.status', filters.status);
  if (filters.tripCode) query.whereRaw('t.code = upper(?)', [filters.tripCode.trim()]);
  const { rows, nextCursor } = await keysetPage<Row>(db, query, page, { at: 'i.created_at', id: 'i.id' });
  return { data: rows.map(toView), nextCursor };
}

/** By uuid or `INC-7`; undefined when not the tenant's (or, with assignedTo, not on the user's trips). */
export async function findIncident(
  db: Database,
  tenantId: string,
  idOrRef: string,
  assignedTo?: string,
): Promise<IncidentView | undefined> {
  const ref = parseRef('INC', idOrRef);
  if (!isUuid(idOrRef) && !ref) return undefined;
  const query = incidents(db, tenantId, assignedTo);
  const row = (await (isUuid(idOrRef) ? query.where('i.id', idOrRef) : query.where('i.ref', ref)).first()) as
    Row | undefined;
  return row && toView(row);
}
