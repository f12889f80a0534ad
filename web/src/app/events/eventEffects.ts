import type { QueryClient, QueryKey } from '@tanstack/react-query';

/** One event of GET /api/v1/events (SPEC §18): `{ id, type, occurredAt, data }`. */
export interface StreamEvent {
  id: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * The cached queries an event makes stale, by the features' query keys. Only queries on screen
 * refetch; the others refetch when they are next shown.
 */
export function staleQueries(event: StreamEvent): QueryKey[] {
  const conversationId = str(event.data.conversationId);
  switch (event.type) {
    case 'message.received':
      return [['conversations'], ['messages', conversationId], ['contacts']];
    case 'message.sent':
    case 'message.status':
      return [['conversations'], ['messages', conversationId]];
    case 'conversation.updated':
      return [['conversations']];
    case 'lead.created':
    case 'lead.updated':
      return [['leads'], ['timeline', 'lead', str(event.data.leadId)]];
    case 'booking.updated':
      return [['bookings']];
    case 'incident.created':
    case 'incident.updated':
      return [['incidents'], ['trips'], ['timeline']];
    case 'connection.health':
      return [['connections']];
    case 'usage.threshold':
      return [['usage']];
    case 'broadcast.progress':
      return [
        ['broadcasts', str(event.data.broadcastId)],
        ['broadcasts', 'sent'],
      ];
    default:
      return [];
  }
}

/** What an event does to the cache: panic mode's state is in the event itself; the rest refetch. */
export function applyEvent(client: QueryClient, event: StreamEvent, stale: (key: QueryKey) => void): void {
  if (event.type === 'panic.changed') {
    client.setQueryData(['panic-mode'], event.data);
    return;
  }
  for (const key of staleQueries(event)) stale(key.filter((part) => part !== undefined));
}
