import { inject, injectable } from 'inversify';
import type { Config } from '../../config';
import type { TranscribeVoiceNotes } from '../../modules/media/application/TranscribeVoiceNotes';
import { DrainingPoller } from '../../shared/jobs/DrainingPoller';
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
  private readonly poller: DrainingPoller;

  constructor(
    @inject(TYPES.TranscribeVoiceNotes) transcribe: TranscribeVoiceNotes,
    @inject(TYPES.Config) private readonly config: Config,
    @inject(TYPES.Logger) logger: Logger,
  ) {
    this.poller = new DrainingPoller({
      round: async () => (await transcribe.execute(PER_ROUND)).length,
      pollMs: POLL_MS,
      onError: (error) => logger.error({ err: error }, 'could not claim voice notes to transcribe'),
    });
  }

  start(): void {
    if (this.config.transcription && this.config.whatsapp.enableMedia) this.poller.start();
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }
}
