import { eventEnvelope, type StoredEvent } from '../domain/DomainEvent';

const frames = new WeakMap<StoredEvent, string>();

/**
 * One server-sent event: `id`, `event` (the type) and `data` (the JSON envelope, one line). Made
 * once per event: the hub hands the same event objects to every subscriber of the tenant.
 */
export function eventFrame(e: StoredEvent): string {
  let frame = frames.get(e);
  if (frame === undefined) {
    frame = `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(eventEnvelope(e))}\n\n`;
    frames.set(e, frame);
  }
  return frame;
}

/** A comment line: ignored by clients, keeps the connection alive. */
export const commentFrame = (text: string): string => `: ${text}\n\n`;

/** How long a client waits before reconnecting after the stream ends. */
export const RETRY_FRAME = 'retry: 3000\n\n';
