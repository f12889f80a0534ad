import type { NewEvent } from './DomainEvent';

/**
 * Port: use cases append the events of their change inside their own transaction; the events
 * become visible when (and only if) it commits. Appending is cheap: the events of one
 * transaction are written together, in one statement, just before it commits.
 */
export interface EventLog {
  append(events: NewEvent[]): Promise<void>;
}
