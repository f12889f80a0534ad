import type { ItemOf } from './client';
import { everyOf } from './everyOf';

export type EventType = ItemOf<'/webhook-subscriptions'>['events'][number];

/** Every event type of SPEC §18, as the stream sends them and webhooks subscribe to them. */
export const EVENT_TYPES = everyOf<EventType>()([
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
]);
