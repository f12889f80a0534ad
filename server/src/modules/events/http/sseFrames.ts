import { eventEnvelope, type StoredEvent } from '../domain/DomainEvent';

/** One server-sent event: `id`, `event` (the type) and `data` (the JSON envelope, one line). */
export const eventFrame = (e: StoredEvent): string =>
  `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(eventEnvelope(e))}\n\n`;

/** A comment line: ignored by clients, keeps the connection alive. */
export const commentFrame = (text: string): string => `: ${text}\n\n`;

/** How long a client waits before reconnecting after the stream ends. */
export const RETRY_FRAME = 'retry: 3000\n\n';
