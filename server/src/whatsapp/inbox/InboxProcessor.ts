import { inject, injectable } from 'inversify';
import type { Database } from '../../shared/db/Database';
import type { Logger } from '../../shared/logging/createLogger';
import type { Metrics } from '../../shared/metrics/Metrics';
import { TYPES } from '../../types';
import type { BackgroundWorker } from '../../workers';
import { groupByKeys } from './groupByKeys';
import { LanesInFlight } from './LanesInFlight';
import type { InboundEventHandler } from './InboundEventHandler';
import type { ClaimedEvent, InboxEvents } from './InboxEvents';
import type { WebhookInbox } from './WebhookInbox';

export interface InboxProcessorOptions {
  batchSize: number;
  leaseSeconds: number;
  idlePollMs: number;
  /** Lanes processing at once; the embedded database has one connection, so 1 there. */
  concurrency: number;
  /** Events a lane applies in one transaction (one BEGIN/COMMIT and one flush to disk for all). */
  eventsPerTransaction: number;
  /** While lanes run, a claim waits this long or for a transaction's worth of deliveries (chunks, not twos). */
  gatherMs: number;
}

/**
 * Works through whatsapp_webhook_events: claims events under a lease and splits them into lanes by
 * customer (lanes never wait on each other's conversations, a customer's messages keep their order).
 * Claims do not wait for earlier claims' lanes: up to `concurrency` lanes and `batchSize` events are
 * in flight, a lane whose customer is in a running lane starts after it. Lanes follow the backlog:
 * a claim makes one lane per transaction's worth of events, and while lanes run the next claim
 * waits for a transaction's worth, a lane to finish or `gatherMs` — so at a steady rate one
 * transaction carries what arrived during the previous one, instead of many small transactions
 * slowing each other down on the same cores (docs/decisions/0026). A lane applies its events in
 * transactions whose first statement marks them processed if they still are not and locks them (two
 * instances, or an expired lease, never apply an event twice). If one fails, nothing is committed and
 * the lane redoes them one per transaction, so the failure is retried with backoff against its event.
 */
@injectable()
export class InboxProcessor implements BackgroundWorker {
  private running = false;
  private stopRequested = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private storedSinceClaim = 0; // deliveries stored by this instance since the last claim began
  private lastClaimAt = 0;
  private readonly lanes: LanesInFlight<ClaimedEvent>;
  options: InboxProcessorOptions;

  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.InboxEvents) private readonly events: InboxEvents,
    @inject(TYPES.InboundEventHandler) private readonly handler: InboundEventHandler,
    @inject(TYPES.WebhookInbox) inbox: WebhookInbox,
    @inject(TYPES.Logger) private readonly logger: Logger,
    @inject(TYPES.Metrics) private readonly metrics: Metrics,
  ) {
    // Large chunks pay off (set-based, decision 0013): a backlog of 200 goes as 4 lanes × 50 events.
    this.options = {
      batchSize: 200,
      leaseSeconds: 60,
      idlePollMs: 500,
      concurrency: db.kind === 'embedded' ? 1 : 4,
      eventsPerTransaction: 50,
      gatherMs: 50,
    };
    this.lanes = new LanesInFlight((error) => this.logger.error({ err: error }, 'inbox lane failed'));
    inbox.on('stored', (count: number) => {
      this.storedSinceClaim += count;
      this.wakeUp?.();
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopRequested = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopRequested = true;
    this.wakeUp?.();
    await this.loop;
    await this.lanes.allFinished();
  }

  /** Processes everything due now (until empty or stopped); returns how many events were handled. */
  async drain(): Promise<number> {
    let handled = 0;
    for (;;) {
      const claimed = this.hasRoom() && !(this.stopRequested && handled) ? await this.claimIntoLanes() : 0;
      handled += claimed;
      if (claimed > 0) continue;
      if (this.lanes.size === 0) return handled;
      await this.lanes.anyFinished();
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (!this.hasRoom()) await this.lanes.anyFinished();
        else if (this.lanes.size && (await this.gather())) continue;
        else if ((await this.claimIntoLanes()) === 0 && !this.storedSinceClaim)
          await this.pause(this.options.idlePollMs, 1);
      } catch (error) {
        this.logger.error({ err: error }, 'inbox claim failed; retrying');
        await this.pause(this.options.idlePollMs, 1);
      }
    }
    await this.lanes.allFinished();
  }

  private hasRoom(): boolean {
    const { concurrency, batchSize } = this.options;
    return this.lanes.size < Math.max(1, concurrency) && this.lanes.events < batchSize;
  }

  /** Claims what room allows and starts its lanes; returns how many events were claimed. */
  private async claimIntoLanes(): Promise<number> {
    this.storedSinceClaim = 0;
    this.lastClaimAt = Date.now();
    const { batchSize, leaseSeconds } = this.options;
    const batch = await this.events.claim(batchSize - this.lanes.events, leaseSeconds);
    const keys = new Map(batch.map((event) => [event, this.handler.customersOf(event)]));
    const keysOf = (event: ClaimedEvent) => keys.get(event) ?? [];
    // A lane per transaction's worth, up to the free lanes: a small claim is one transaction, not
    // several tiny ones competing for the same cores; a backlog still spreads over every lane.
    // Customers still busy in a running lane get lanes of their own, so the others do not wait.
    const ready: ClaimedEvent[] = [];
    const later: ClaimedEvent[] = [];
    for (const event of batch)
      (keysOf(event).some((key) => this.lanes.holds(key)) ? later : ready).push(event);
    const perTransaction = Math.max(1, this.options.eventsPerTransaction);
    const free = Math.max(1, this.options.concurrency - this.lanes.size);
    const lanes = Math.min(free, Math.ceil(ready.length / perTransaction));
    for (const lane of [...groupByKeys(ready, keysOf, lanes), ...groupByKeys(later, keysOf, later.length)])
      this.lanes.start(lane, keysOf, (l) => this.processLane(l));
    return batch.length;
  }

  /**
   * While lanes run: waits until a transaction's worth is stored, a lane finishes or `gatherMs`
   * since the last claim.
   */
  private gather(): Promise<boolean> {
    const chunk = Math.max(1, this.options.eventsPerTransaction);
    if (this.storedSinceClaim >= chunk) return Promise.resolve(false);
    return this.pause(this.lastClaimAt + this.options.gatherMs - Date.now(), chunk, this.lanes.anyFinished());
  }

  /**
   * Waits `ms`, or less when stopped, `stored` deliveries were stored since the claim or `until`
   * settles; true if it waited.
   */
  private pause(ms: number, stored = 0, until?: Promise<void>): Promise<boolean> {
    if (ms <= 0 || this.stopRequested) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve(true);
      }
      void until?.then(done, done);
      this.wakeUp = () => (this.stopRequested || (stored > 0 && this.storedSinceClaim >= stored)) && done();
    });
  }

  private async processLane(lane: ClaimedEvent[]): Promise<void> {
    const size = Math.max(1, this.options.eventsPerTransaction);
    for (let i = 0; i < lane.length; i += size) {
      const chunk = lane.slice(i, i + size);
      if (chunk.length === 1 || !(await this.processTogether(chunk)))
        for (const event of chunk) await this.process(event);
    }
  }

  /** All of `chunk` in one transaction; false (nothing committed) if any of it failed. */
  private async processTogether(chunk: ClaimedEvent[]): Promise<boolean> {
    try {
      const taken = await this.db.runPrepared(() => this.apply(chunk));
      this.countProcessed(chunk, taken);
      return true;
    } catch (error) {
      this.logger.debug({ err: error, events: chunk.length }, 'inbox chunk failed; redoing it one by one');
      return false;
    }
  }

  private async process(event: ClaimedEvent): Promise<void> {
    try {
      const taken = await this.db.runPrepared(() => this.apply([event]));
      this.countProcessed([event], taken);
    } catch (error) {
      this.logger.error({ err: error, eventId: event.id, attempts: event.attempts }, 'webhook event failed');
      await this.events
        .markFailed(event.id, event.attempts, error instanceof Error ? error.message : String(error))
        .catch((markError: unknown) =>
          this.logger.error({ err: markError, eventId: event.id }, 'could not record failure'),
        );
    }
  }

  /** After commit: how long each event this worker applied waited in the inbox. */
  private countProcessed(events: ClaimedEvent[], taken: Set<string>): void {
    for (const event of events)
      if (taken.has(event.id))
        this.metrics.inboundProcessed((Date.now() - event.receivedAt.getTime()) / 1000);
  }

  /** Takes the events still unprocessed and applies them, in the open transaction; returns their ids. */
  private async apply(events: ClaimedEvent[]): Promise<Set<string>> {
    const ids = await this.events.takeForProcessing(events.map((e) => e.id));
    const notes = await this.handler.handleAll(events.filter((e) => ids.has(e.id)));
    for (const [id, note] of notes) await this.events.addNote(id, note);
    return ids;
  }
}
