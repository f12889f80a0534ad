import { inject, injectable } from 'inversify';
import type { Database } from '../../shared/db/Database';
import type { Logger } from '../../shared/logging/createLogger';
import type { Metrics } from '../../shared/metrics/Metrics';
import { TYPES } from '../../types';
import type { BackgroundWorker } from '../../workers';
import type { InboundEventHandler } from './InboundEventHandler';
import type { ClaimedEvent, InboxEvents } from './InboxEvents';
import type { WebhookInbox } from './WebhookInbox';

export interface InboxProcessorOptions {
  batchSize: number;
  leaseSeconds: number;
  idlePollMs: number;
  /** Events processed at once; the embedded database has one connection, so 1 there. */
  concurrency: number;
}

/**
 * Works through whatsapp_webhook_events: claims a batch under a lease, processes each event in its
 * own transaction that first locks the row and checks it is still unprocessed (so two instances, or
 * a lease that ran out mid-work, can never apply an event twice), and marks it processed in that
 * same transaction. A crash before commit leaves the event to be picked up again.
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
    this.options = {
      batchSize: 50,
      leaseSeconds: 60,
      idlePollMs: 500,
      concurrency: db.kind === 'embedded' ? 1 : 4,
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
      await inParallel(batch, this.options.concurrency, (event) => this.process(event));
      handled += batch.length;
      if (batch.length < this.options.batchSize || this.stopRequested) return handled;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if ((await this.drain()) > 0) continue;
      } catch (error) {
        this.logger.error({ err: error }, 'inbox claim failed; retrying');
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.idlePollMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async process(event: ClaimedEvent): Promise<void> {
    try {
      const processed = await this.db.run(async () => {
        if (!(await this.events.lockUnprocessed(event.id))) return false;
        const note = await this.handler.handle(event);
        await this.events.markProcessed(event.id, note);
        return true;
      });
      if (processed) this.metrics.inboundProcessed((Date.now() - event.receivedAt.getTime()) / 1000);
    } catch (error) {
      this.logger.error({ err: error, eventId: event.id, attempts: event.attempts }, 'webhook event failed');
      await this.events
        .markFailed(event.id, event.attempts, error instanceof Error ? error.message : String(error))
        .catch((markError: unknown) =>
          this.logger.error({ err: markError, eventId: event.id }, 'could not record failure'),
        );
    }
  }
}

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
