import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import type { Logger } from '../../../shared/logging/createLogger';
import { TYPES } from '../../../types';
import type { BackgroundWorker } from '../../../workers';
import type { StoredEvent } from '../domain/DomainEvent';
import type { EventNotification } from './eventNotification';
import { eventsAfter, lastEventId } from './eventQueries';
import type { EventSignal } from './EventSignal';
import type { EventStreamOptions } from './EventStreamOptions';

const PAGE = 500;

export type EventListener = (events: StoredEvent[]) => void;

interface TenantFeed {
  /** Every event up to here has been handed to the listeners. */
  cursor: number;
  listeners: Set<EventListener>;
  reading?: Promise<void>;
  readAgain: boolean;
}

/**
 * One reader per tenant per instance, however many subscribers: a signal ("tenant t is at id n")
 * hands the new events to every subscriber of the tenant in memory — those the signal carries
 * (no query at all), or else read from the table once. A slow poll covers signals lost while the
 * LISTEN connection was down.
 */
@injectable()
export class EventHub implements BackgroundWorker {
  private readonly feeds = new Map<string, TenantFeed>();
  private unlisten?: () => void;
  private poll?: NodeJS.Timeout;

  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.EventSignal) private readonly signal: EventSignal,
    @inject(TYPES.EventStreamOptions) private readonly options: EventStreamOptions,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  start(): void {
    this.unlisten = this.signal.on(
      (notification) => this.signalled(notification),
      () => this.readAll(),
    );
    void this.signal.start();
    this.poll = setInterval(() => this.readAll(), this.options.pollMs).unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.poll);
    this.unlisten?.();
    await this.signal.stop();
  }

  /** Live events of the tenant from now on; answers the id they start after. */
  async subscribe(
    tenantId: string,
    listener: EventListener,
  ): Promise<{ after: number; unsubscribe(): void }> {
    let feed = this.feeds.get(tenantId);
    if (!feed) {
      const cursor = await lastEventId(this.db, tenantId);
      feed = this.feeds.get(tenantId) ?? { cursor, listeners: new Set(), readAgain: false };
      this.feeds.set(tenantId, feed);
    }
    const joined = feed;
    joined.listeners.add(listener);
    return {
      after: joined.cursor,
      unsubscribe: () => {
        joined.listeners.delete(listener);
        if (!joined.listeners.size && !joined.reading) this.feeds.delete(tenantId);
      },
    };
  }

  /**
   * The events of a commit: handed over as they came when they follow the feed's cursor (no read
   * in progress, the first one's id is the next expected), read from the table otherwise.
   */
  private signalled({ tenantId, lastId, events }: EventNotification): void {
    const feed = this.feeds.get(tenantId);
    if (!feed || lastId <= feed.cursor) return;
    if (events?.length && !feed.reading && events[0].id === feed.cursor + 1 && events.at(-1)!.id === lastId) {
      feed.cursor = lastId;
      for (const listener of feed.listeners) listener(events);
      return;
    }
    this.read(tenantId, feed);
  }

  private readAll(): void {
    for (const [tenantId, feed] of this.feeds) this.read(tenantId, feed);
  }

  private read(tenantId: string, feed: TenantFeed): void {
    if (feed.reading) {
      feed.readAgain = true;
      return;
    }
    feed.reading = this.readNew(tenantId, feed)
      .catch((error: unknown) => this.logger.warn({ err: error, tenantId }, 'reading events failed'))
      .finally(() => {
        feed.reading = undefined;
        if (!feed.listeners.size) this.feeds.delete(tenantId);
      });
  }

  private async readNew(tenantId: string, feed: TenantFeed): Promise<void> {
    for (;;) {
      feed.readAgain = false;
      const events = await eventsAfter(this.db, tenantId, feed.cursor, PAGE);
      if (events.length) {
        feed.cursor = events[events.length - 1].id;
        for (const listener of feed.listeners) listener(events);
      }
      if (events.length < PAGE && !feed.readAgain) return;
    }
  }
}
