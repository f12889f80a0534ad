import { inject, injectable } from 'inversify';
import type { Config } from '../../config';
import type { MediaStorage } from '../../modules/media/domain/MediaStorage';
import type { Clock } from '../../shared/clock/Clock';
import type { Logger } from '../../shared/logging/createLogger';
import { TYPES } from '../../types';
import type { Job, JobContext, JobSummary } from '../../shared/jobs/Job';
import { KnexRetentionStore, type Cursor } from './KnexRetentionStore';

const DAY_MS = 24 * 60 * 60 * 1000;
export const WEBHOOK_EVENT_RETENTION_DAYS = 30;
const BATCH = 500;

/**
 * Deletes message bodies and media older than WHATSAPP_MESSAGE_RETENTION_DAYS wherever they live
 * (message rows, media files and rows, timeline content of message events) and webhook events
 * older than 30 days — or than the retention period, when shorter, since their payloads hold the
 * same bodies. Each batch is its own short statement; a stop request ends the run between batches.
 */
@injectable()
export class RetentionJob implements Job {
  readonly name = 'retention';
  readonly defaultSchedule = '0 3 * * *';
  readonly description = 'deletes message bodies and media past the retention period, and old webhook events';

  constructor(
    @inject(KnexRetentionStore) private readonly store: KnexRetentionStore,
    @inject(TYPES.MediaStorage) private readonly files: MediaStorage,
    @inject(TYPES.Config) private readonly config: Pick<Config, 'whatsapp'>,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  async run({ signal, progress }: JobContext): Promise<JobSummary> {
    const now = this.clock.now().getTime();
    const cutoff = new Date(now - this.config.whatsapp.messageRetentionDays * DAY_MS);
    const eventDays = Math.min(WEBHOOK_EVENT_RETENTION_DAYS, this.config.whatsapp.messageRetentionDays);
    const eventCutoff = new Date(now - eventDays * DAY_MS);
    const summary: JobSummary = { messages: 0, timelineEntries: 0, mediaFiles: 0, webhookEvents: 0 };
    const tenants = await this.store.tenantIds();

    progress.start('message bodies', await this.store.countMessages(cutoff));
    for (const tenant of tenants)
      summary.messages += await this.walk(signal, progress.advance.bind(progress), (after) =>
        this.store.redactMessages(tenant, cutoff, after, BATCH),
      );

    progress.start('timeline messages', await this.store.countTimeline(cutoff));
    for (const tenant of tenants)
      summary.timelineEntries += await this.walk(signal, progress.advance.bind(progress), (after) =>
        this.store.redactTimeline(tenant, cutoff, after, BATCH),
      );

    progress.start('media files', await this.store.countMedia(cutoff));
    for (let batch; !signal.aborted && (batch = await this.store.expiredMedia(cutoff, BATCH)).length;) {
      // Files first: a crash in between leaves rows that the next run deletes again, never a kept file.
      for (const m of batch) if (m.storageKey) await this.files.delete(m.storageKey);
      await this.store.markMediaDeleted(batch.map((m) => m.id));
      summary.mediaFiles += batch.filter((m) => m.storageKey).length;
      progress.advance(batch.length);
    }

    progress.start('webhook events', await this.store.countWebhookEvents(eventCutoff));
    for (let n; !signal.aborted && (n = await this.store.deleteWebhookEvents(eventCutoff, BATCH)) > 0;) {
      summary.webhookEvents += n;
      progress.advance(n);
    }
    const runsCutoff = new Date(now - WEBHOOK_EVENT_RETENTION_DAYS * DAY_MS);
    while (!signal.aborted && (await this.store.deleteJobRuns(runsCutoff, BATCH)) > 0);
    this.logger.debug({ cutoff, eventCutoff }, 'retention cutoffs');
    return summary;
  }

  /** Runs `batch` from the start until it reports no next cursor (or the run is stopped). */
  private async walk(
    signal: AbortSignal,
    advance: (n: number) => void,
    batch: (after: Cursor) => Promise<{ count: number; next?: Cursor }>,
  ): Promise<number> {
    let total = 0;
    for (let after: Cursor | undefined = KnexRetentionStore.start; after && !signal.aborted;) {
      const { count, next } = await batch(after);
      total += count;
      advance(count);
      after = next;
    }
    return total;
  }
}
