import type { EventType, StoredEvent } from '../domain/DomainEvent';

/**
 * What a commit tells every instance: `<tenant>:<last id>`, followed by `:<the events as JSON>`
 * when they fit in a NOTIFY payload (PostgreSQL refuses 8,000 bytes or more). With the events in
 * hand a hub skips re-reading them; without (a large transaction), it reads them from the table.
 */
export const PAYLOAD_LIMIT = 7_900;

export interface EventNotification {
  tenantId: string;
  lastId: number;
  /** Every event of the transaction for the tenant, in id order, when they fitted. */
  events?: StoredEvent[];
}

interface EventJson {
  id: number;
  type: EventType;
  occurredAt: string;
  tripId: string | null;
  data: Record<string, unknown>;
}

/** SQL: a tenant's events of `rows` (id, type, occurred_at, trip_id, data) as the JSON above. */
export const EVENTS_JSON = `json_agg(json_build_object('id', id, 'type', type, 'occurredAt', occurred_at,
  'tripId', trip_id, 'data', data) ORDER BY id)::text`;

export function parseNotification(payload: string): EventNotification | undefined {
  const first = payload.indexOf(':');
  const second = payload.indexOf(':', first + 1);
  const tenantId = payload.slice(0, Math.max(first, 0));
  const lastId = Number(payload.slice(first + 1, second < 0 ? undefined : second));
  if (!tenantId || !Number.isSafeInteger(lastId)) return undefined;
  if (second < 0) return { tenantId, lastId };
  return { tenantId, lastId, events: toEvents(tenantId, payload.slice(second + 1)) };
}

export function toEvents(tenantId: string, json: string): StoredEvent[] {
  return (JSON.parse(json) as EventJson[]).map((e) => ({
    tenantId,
    id: Number(e.id),
    type: e.type,
    occurredAt: new Date(e.occurredAt),
    tripId: e.tripId ?? undefined,
    data: e.data,
  }));
}
