import type { Database } from '../../../shared/db/Database';
import type { EventType, StoredEvent } from '../domain/DomainEvent';

interface EventRow {
  tenant_id: string;
  id: number;
  type: EventType;
  occurred_at: Date;
  trip_id: string | null;
  data: Record<string, unknown>;
}

const toEvent = (r: EventRow): StoredEvent => ({
  tenantId: r.tenant_id,
  id: Number(r.id),
  type: r.type,
  occurredAt: r.occurred_at,
  tripId: r.trip_id ?? undefined,
  data: r.data,
});

/** The tenant's events after `afterId`, oldest first (primary key order). */
export async function eventsAfter(
  db: Database,
  tenantId: string,
  afterId: number,
  limit: number,
  types?: readonly string[],
): Promise<StoredEvent[]> {
  const query = db
    .q<EventRow>('events')
    .where({ tenant_id: tenantId })
    .andWhere('id', '>', afterId)
    .orderBy('id')
    .limit(limit);
  if (types) query.whereIn('type', types);
  return (await query).map(toEvent);
}

/** The tenant's last event id (0 before its first event). */
export async function lastEventId(db: Database, tenantId: string): Promise<number> {
  const row = (await db.q('event_sequences').where({ tenant_id: tenantId }).first('last_id')) as
    { last_id: number } | undefined;
  return Number(row?.last_id ?? 0);
}

/** The trips a staff user is assigned to. */
export async function assignedTripIds(db: Database, tenantId: string, userId: string): Promise<Set<string>> {
  const rows = (await db
    .q('trip_assignments')
    .where({ tenant_id: tenantId, user_id: userId })
    .select('trip_id')) as Array<{
    trip_id: string;
  }>;
  return new Set(rows.map((r) => r.trip_id));
}
