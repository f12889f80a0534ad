import type { Response } from 'express';
import type { Logger } from '../../../shared/logging/createLogger';
import type { Role } from '../../identity/domain/Role';
import type { StoredEvent } from '../domain/DomainEvent';
import { filtersByTrip, mayReceive } from '../domain/eventAudience';
import type { EventHub } from '../infrastructure/EventHub';
import type { EventStreamOptions } from '../infrastructure/EventStreamOptions';
import { commentFrame, eventFrame, RETRY_FRAME } from './sseFrames';

export interface Subscriber {
  tenantId: string;
  role: Role;
  /** The trips a field-staff subscriber is assigned to, read again as events for trips arrive. */
  assignedTrips(): Promise<ReadonlySet<string>>;
}

export interface EventSource {
  hub: EventHub;
  /** Stored events after an id, for the replay. */
  after(tenantId: string, afterId: number, limit: number): Promise<StoredEvent[]>;
}

const TRIPS_FRESH_MS = 1_000;

/**
 * One `GET /events` connection. It joins the live feed first (buffering), replays what the client
 * missed since `Last-Event-ID` from the table, then writes live events in id order, skipping any
 * it already sent; the events waiting when the socket can take more go out in one write. Writes wait for the socket to drain; a subscriber with more than
 * `maxBuffered` events waiting is disconnected — it reconnects with the last id it received and
 * replays from the table, so a slow client costs the server a bounded amount of memory.
 */
export class EventStreamSession {
  private lastSent = 0;
  private readonly waiting: StoredEvent[] = [];
  private pumping?: Promise<void>;
  private live = false;
  private closed = false;
  private trips?: { ids: ReadonlySet<string>; at: number };

  constructor(
    private readonly res: Response,
    private readonly subscriber: Subscriber,
    private readonly source: EventSource,
    private readonly options: EventStreamOptions,
    private readonly logger: Logger,
  ) {}

  async open(lastEventId: number | undefined): Promise<void> {
    const { res } = this;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(RETRY_FRAME + commentFrame('connected'));
    const feed = await this.source.hub.subscribe(this.subscriber.tenantId, (events) => this.receive(events));
    const heartbeat = setInterval(() => {
      if (!res.writableNeedDrain) res.write(commentFrame('heartbeat'));
    }, this.options.heartbeatMs);
    res.on('close', () => {
      this.closed = true;
      clearInterval(heartbeat);
      feed.unsubscribe();
    });
    // An id ahead of the log (a database restored from backup) starts from now.
    this.lastSent = lastEventId === undefined || lastEventId > feed.after ? feed.after : lastEventId;
    await this.replay(feed.after);
    this.live = true;
    this.pump();
  }

  private async replay(until: number): Promise<void> {
    const { tenantId } = this.subscriber;
    while (!this.closed && this.lastSent < until) {
      const events = await this.source.after(tenantId, this.lastSent, this.options.replayPage);
      if (!events.length || !(await this.write(events))) return;
    }
  }

  private receive(events: StoredEvent[]): void {
    if (this.closed) return;
    this.waiting.push(...events);
    if (this.waiting.length > this.options.maxBuffered) return this.drop();
    if (this.live) this.pump();
  }

  private pump(): void {
    this.pumping ??= (async () => {
      while (!this.closed && this.waiting.length) await this.write(this.waiting.splice(0));
    })()
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'event stream failed; closing it');
        this.res.destroy();
      })
      .finally(() => {
        this.pumping = undefined;
        if (!this.closed && this.waiting.length) this.pump();
      });
  }

  /**
   * Writes the events that are new and readable by the subscriber, all in one write (one syscall
   * however many arrived together); false once the stream closed.
   */
  private async write(events: StoredEvent[]): Promise<boolean> {
    if (this.closed) return false;
    let frames = '';
    for (const event of events) {
      if (event.id <= this.lastSent) continue;
      this.lastSent = event.id;
      const trips = event.tripId && filtersByTrip(this.subscriber.role) ? await this.assignedTrips() : EMPTY;
      if (mayReceive(this.subscriber.role, event, trips)) frames += eventFrame(event);
    }
    if (this.closed) return false;
    if (frames && !this.res.write(frames)) await this.drained();
    return !this.closed;
  }

  private async assignedTrips(): Promise<ReadonlySet<string>> {
    if (!this.trips || Date.now() - this.trips.at > TRIPS_FRESH_MS)
      this.trips = { ids: await this.subscriber.assignedTrips(), at: Date.now() };
    return this.trips.ids;
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.res.off('drain', done);
        this.res.off('close', done);
        resolve();
      };
      this.res.on('drain', done).on('close', done);
    });
  }

  /** Too far behind: disconnect; the client resumes from the last id it received. */
  private drop(): void {
    this.logger.info(
      { tenantId: this.subscriber.tenantId, lastEventId: this.lastSent, waiting: this.waiting.length },
      'event stream subscriber too slow; disconnected',
    );
    this.waiting.length = 0;
    this.closed = true;
    this.res.destroy();
  }
}

const EMPTY: ReadonlySet<string> = new Set();
