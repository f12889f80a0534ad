import { inject, injectable } from 'inversify';
import type { Database } from '../../shared/db/Database';
import type { Logger } from '../../shared/logging/createLogger';
import type { Metrics } from '../../shared/metrics/Metrics';
import { TYPES } from '../../types';
import type { BackgroundWorker } from '../../workers';
import { groupByKeys } from './groupByKeys';
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
  /**
   * After a busy round, how long to let deliveries gather before claiming again. Without it, under
   * a steady stream each claim finds the two or three events that arrived during the last round
   * and pays a whole chunk's statements for them; the first event after a quiet spell goes at once.
   */
  gatherMs: number;
}

/**
 * Works through whatsapp_webhook_events: claims a batch under a lease and splits it into lanes by
 * customer, so lanes never wait on each other's conversations and a customer's messages keep their
 * order. A lane applies its events a few at a time in one transaction whose first statement marks
 * them processed if they still are not and keeps them locked (so two instances, or a lease that ran
 * out mid-work, can never apply an event twice). If anything in it fails, nothing is committed and
 * the lane redoes those events one per transaction, so a failure is recorded against its own event
 * and retried with backoff while the others go through.
 */
@injectable()
export class InboxProcessor implements BackgroundWorker {
  private running = false;
  private stopRequested = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  options: InboxProcessorOptions;

  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.InboxEvents) private readonly events: InboxEvents,
    @inject(TYPES.InboundEventHandler) private readonly handler: InboundEventHandler,
    @inject(TYPES.WebhookInbox) inbox: WebhookInbox,
    @inject(TYPES.Logger) private readonly logger: Logger,
    @inject(TYPES.Metrics) private readonly metrics: Metrics,
  ) {
    // Large chunks pay off since a chunk's messages are handled set-based (decision 0013): a backlog
    // of 200 goes as 4 lanes × 50 events, a handful of statements per lane.
    this.options = {
      batchSize: 200,
      leaseSeconds: 60,
      idlePollMs: 500,
      concurrency: db.kind === 'embedded' ? 1 : 4,
      eventsPerTransaction: 50,
      gatherMs: 20,
    };
    inbox.on('stored', () => this.wakeUp?.());
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
  }

  /** Processes everything due now (until empty or stopped); returns how many events were handled. */
  async drain(): Promise<number> {
    let handled = 0;
    for (;;) {
      const batch = await this.events.claim(this.options.batchSize, this.options.leaseSeconds);
      const lanes = groupByKeys(batch, (event) => this.handler.customersOf(event), this.options.concurrency);
      await Promise.all(lanes.map((lane) => this.processLane(lane)));
      handled += batch.length;
      if (batch.length < this.options.batchSize || this.stopRequested) return handled;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if ((await this.drain()) > 0) {
          await this.pause(this.options.gatherMs, { untilStored: false });
          continue;
        }
      } catch (error) {
        this.logger.error({ err: error }, 'inbox claim failed; retrying');
      }
      await this.pause(this.options.idlePollMs, { untilStored: true });
    }
  }

  /** Waits `ms`, or less when stopped (or, with `untilStored`, when a delivery is stored). */
  private pause(ms: number, { untilStored }: { untilStored: boolean }): Promise<void> {
    if (ms <= 0 || this.stopRequested) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = untilStored ? done : () => this.stopRequested && done();
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
      const taken = await this.db.run(() => this.apply(chunk));
      this.countProcessed(chunk, taken);
      return true;
    } catch (error) {
      this.logger.debug(
        { err: error, events: chunk.length },
        'inbox chunk failed; redoing it event by event',
      );
      return false;
    }
  }

  private async process(event: ClaimedEvent): Promise<void> {
    try {
      const taken = await this.db.run(() => this.apply([event]));
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
