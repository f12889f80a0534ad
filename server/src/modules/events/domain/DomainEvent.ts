/** SPEC §18: what the stream and the webhooks carry. */
export const EVENT_TYPES = [
  'message.received',
  'message.sent',
  'message.status',
  'conversation.updated',
  'lead.created',
  'lead.updated',
  'booking.updated',
  'incident.created',
  'incident.updated',
  'broadcast.progress',
  'panic.changed',
  'connection.health',
  'usage.threshold',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** A change to announce, recorded in the transaction that makes it. */
export interface NewEvent {
  tenantId: string;
  type: EventType;
  data: Record<string, unknown>;
  /** The trip it belongs to: field staff receive only their trips' events. */
  tripId?: string;
}

export interface StoredEvent {
  tenantId: string;
  /** Monotonic per tenant, without gaps: 1, 2, 3, … */
  id: number;
  type: EventType;
  occurredAt: Date;
  tripId?: string;
  data: Record<string, unknown>;
}

/** The wire form of SSE `data:` and of webhook bodies: `{ id, type, occurredAt, data }`. */
export const eventEnvelope = (e: StoredEvent) => ({
  id: String(e.id),
  type: e.type,
  occurredAt: e.occurredAt.toISOString(),
  data: e.data,
});
