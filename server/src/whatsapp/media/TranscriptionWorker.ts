import { inject, injectable } from 'inversify';
import type { Config } from '../../config';
import type { TranscribeVoiceNotes } from '../../modules/media/application/TranscribeVoiceNotes';
import type { Logger } from '../../shared/logging/createLogger';
import { TYPES } from '../../types';
import type { BackgroundWorker } from '../../workers';

const POLL_MS = 2000;
const PER_ROUND = 2;

/**
 * Transcribes downloaded voice notes (TRANSCRIPTION_API_URL): rounds of a few notes while there
 * are any, then a poll every two seconds. Several instances share the queue through its leases.
 */
@injectable()
export class TranscriptionWorker implements BackgroundWorker {
  private running = false;
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;

  constructor(
    @inject(TYPES.TranscribeVoiceNotes) private readonly transcribe: TranscribeVoiceNotes,
    @inject(TYPES.Config) private readonly config: Config,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.running || !this.config.transcription || !this.config.whatsapp.enableMedia) return;
    this.running = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.round;
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.round = this.drain().finally(() => this.schedule(POLL_MS));
    }, ms);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    try {
      while (this.running && (await this.transcribe.execute(PER_ROUND)).length) {
        // keep going while notes come back
      }
    } catch (error) {
      this.logger.error({ err: error }, 'could not claim voice notes to transcribe');
    }
  }
}
