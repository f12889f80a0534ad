import type { Database } from '../../../shared/db/Database';
import { keysetPage, type Page, type PageRequest } from '../../../shared/db/keysetPage';
import type { TimelineEntityType, TimelineEventType, TimelineSource } from '../domain/TimelineEntry';

export interface TimelineEntryView {
  id: string;
  entityType: TimelineEntityType;
  entityId: string;
  eventType: TimelineEventType;
  source: TimelineSource;
  actor?: string;
  content: Record<string, unknown>;
  createdAt: Date;
}

interface Row {
  id: string;
  entity_type: TimelineEntityType;
  entity_id: string;
  event_type: TimelineEventType;
  source: TimelineSource;
  actor: string | null;
  content: Record<string, unknown>;
  created_at: Date;
}

const TABLES: Record<TimelineEntityType, string> = {
  lead: 'leads',
  booking: 'bookings',
  trip: 'trips',
  incident: 'incidents',
  conversation: 'whatsapp_conversations',
};

/** The entity's trip (itself for a trip, its trip for an incident), or undefined when it is not the tenant's. */
export async function findTimelineEntity(
  db: Database,
  tenantId: string,
  entityType: TimelineEntityType,
  entityId: string,
): Promise<{ id: string; tripId?: string } | undefined> {
  const columns = entityType === 'incident' ? ['id', 'trip_id'] : ['id'];
  const row = (await db.q(TABLES[entityType]).where({ tenant_id: tenantId, id: entityId }).first(columns)) as
    { id: string; trip_id?: string } | undefined;
  if (!row) return undefined;
  return { id: row.id, tripId: entityType === 'trip' ? row.id : row.trip_id };
}

/** `GET /timeline`: newest first; served by timeline_entries (tenant_id, entity_type, entity_id, created_at). */
export async function listTimeline(
  db: Database,
  tenantId: string,
  entity: { entityType: TimelineEntityType; entityId: string },
  page: PageRequest,
): Promise<Page<TimelineEntryView>> {
  const query = db
    .q('timeline_entries')
    .where({ tenant_id: tenantId, entity_type: entity.entityType, entity_id: entity.entityId })
    .select('*');
  const { rows, nextCursor } = await keysetPage<Row>(db, query, page);
  return { data: rows.map(toView), nextCursor };
}

export async function findTimelineEntry(
  db: Database,
  tenantId: string,
  id: string,
): Promise<TimelineEntryView | undefined> {
  const row = (await db.q('timeline_entries').where({ tenant_id: tenantId, id }).first()) as Row | undefined;
  return row && toView(row);
}

const toView = (r: Row): TimelineEntryView => ({
  id: r.id,
  entityType: r.entity_type,
  entityId: r.entity_id,
  eventType: r.event_type,
  source: r.source,
  actor: r.actor ?? undefined,
  content: r.content,
  createdAt: r.created_at,
});
