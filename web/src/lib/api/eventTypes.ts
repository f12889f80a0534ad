import type { ItemOf } from './client';

type EventType = ItemOf<'/webhook-subscriptions'>['events'][number];

/** Every event type of SPEC §18, as the stream sends them and webhooks subscribe to them. */
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
] as const satisfies readonly EventType[];

// A type the API adds and this list lacks fails to compile here.
const everyType: Exclude<EventType, (typeof EVENT_TYPES)[number]> extends never ? true : never = true;
void everyType;
