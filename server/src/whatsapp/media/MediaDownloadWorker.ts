import { inject, injectable } from 'inversify';
import type { Config } from '../../config';
import {
  MEDIA_DOWNLOAD_CONCURRENCY,
  type DownloadMedia,
} from '../../modules/media/application/DownloadMedia';
import type { ClaimedMedia } from '../../modules/media/domain/Media';
import type { Logger } from '../../shared/logging/createLogger';
import { TYPES } from '../../types';
import type { BackgroundWorker } from '../../workers';

const POLL_MS = 1000;

/**
 * Keeps up to MEDIA_DOWNLOAD_CONCURRENCY downloads in flight: a free slot claims the next due row
 * at once, so one slow download never holds the others up. Polls every second, or at once on
 * `wake()` (e.g. after a media message was recorded).
 */
@injectable()
export class MediaDownloadWorker implements BackgroundWorker {
  private running = false;
  private timer?: NodeJS.Timeout;
  private claiming?: Promise<void>;
  private claimAgain = false;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    @inject(TYPES.MediaDownloader) private readonly downloader: DownloadMedia,
    @inject(TYPES.Config) private readonly config: Config,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.running) return;
    if (!this.config.whatsapp.enableMedia) {
      this.logger.info('media downloads are disabled (WHATSAPP_ENABLE_MEDIA=false)');
      return;
    }
    this.running = true;
    this.wake();
  }

  wake(): void {
    if (!this.running) return;
    if (this.claiming) {
      this.claimAgain = true;
      return;
    }
    clearTimeout(this.timer);
    this.claiming = this.claimAndStart().finally(() => {
      this.claiming = undefined;
      if (this.claimAgain) {
        this.claimAgain = false;
        this.wake();
      } else if (this.running) {
        this.timer = setTimeout(() => this.wake(), POLL_MS);
      }
    });
  }

  /** Takes no more rows; resolves once the downloads in flight are recorded. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.claiming;
    await Promise.all([...this.inFlight]);
  }

  private async claimAndStart(): Promise<void> {
    const free = MEDIA_DOWNLOAD_CONCURRENCY - this.inFlight.size;
    if (free <= 0) return;
    let claims: ClaimedMedia[];
    try {
      claims = await this.downloader.claim(free);
    } catch (error) {
      this.logger.error({ err: error }, 'could not claim media downloads');
      return;
    }
    for (const claim of claims) this.track(claim);
  }

  private track(claim: ClaimedMedia): void {
    const work = this.downloader
      .download(claim)
      .then(() => undefined)
      .catch((error: unknown) =>
        this.logger.error({ err: error, mediaId: claim.id }, 'could not record a media download'),
      )
      .finally(() => {
        this.inFlight.delete(work);
        this.wake();
      });
    this.inFlight.add(work);
  }
}
