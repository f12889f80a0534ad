import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import type { Logger } from '../../../shared/logging/createLogger';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import type { UsageLimits } from '../../usage/application/UsageLimits';
import { mediaRetryPolicy } from '../domain/mediaRetryPolicy';
import type { MediaStorage } from '../domain/MediaStorage';
import { TranscriptionError, type Transcriber } from '../domain/Transcriber';
import type { ClaimedVoiceNote, VoiceNoteQueue, VoiceNoteRouter } from '../domain/VoiceNote';

const LEASE_MS = 3 * 60_000;
const MAX_ERROR_LENGTH = 1000;

export type TranscriptionOutcome = 'transcribed' | 'retrying' | 'failed' | 'superseded';

/**
 * Voice notes, once downloaded (SPEC §22): the audio goes to the transcription service; the words
 * are stored on the media row and the conversation's timeline, and the router acts on them (a
 * staff member's spoken command runs) in the same transaction. A note that cannot be transcribed
 * is still handed to the router, without words, so nothing waits for ever.
 */
@injectable()
export class TranscribeVoiceNotes {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.VoiceNoteQueue) private readonly queue: VoiceNoteQueue,
    @inject(TYPES.MediaStorage) private readonly storage: MediaStorage,
    @inject(TYPES.Transcriber) private readonly transcriber: Transcriber,
    @inject(TYPES.VoiceNoteRouter) private readonly router: VoiceNoteRouter,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.Logger) private readonly logger: Logger,
    @inject(TYPES.UsageLimits) private readonly usage: UsageLimits,
  ) {}

  /** One round: up to `limit` notes, side by side. */
  async execute(limit = 2): Promise<TranscriptionOutcome[]> {
    const now = this.clock.now();
    const notes = await this.queue.claim(limit, now, new Date(now.getTime() + LEASE_MS));
    return Promise.all(notes.map((note) => this.transcribe(note)));
  }

  private async transcribe(note: ClaimedVoiceNote): Promise<TranscriptionOutcome> {
    let transcript: string;
    try {
      transcript = await this.words(note);
    } catch (error) {
      const failure =
        error instanceof TranscriptionError ? error : new TranscriptionError(String(error), true);
      if (failure.retryable && note.attempts < mediaRetryPolicy.maxAttempts) {
        const at = new Date(this.clock.now().getTime() + mediaRetryPolicy.delaySeconds(note.attempts) * 1000);
        return (await this.queue.retryLater(note, clip(failure.message), at)) ? 'retrying' : 'superseded';
      }
      this.logger.warn(
        { mediaId: note.mediaId, tenantId: note.tenantId },
        `voice note not transcribed: ${failure.message}`,
      );
      return this.settle(note, { error: clip(failure.message) });
    }
    return this.settle(note, { transcript });
  }

  /** The audio goes to the transcription service only on a plan with `voice_transcription` (SPEC §17). */
  private async words(note: ClaimedVoiceNote): Promise<string> {
    if (!(await this.usage.hasFeature(note.tenantId, 'voice_transcription')))
      throw new TranscriptionError('the plan does not include voice_transcription', false);
    if (note.mediaStatus !== 'stored' || !note.storageKey)
      throw new TranscriptionError('the audio could not be downloaded', false);
    const bytes = await this.storage.get(note.storageKey);
    if (!bytes) throw new TranscriptionError('the stored audio is missing', false);
    return this.transcriber.transcribe({ bytes, mimeType: note.mimeType, filename: `${note.mediaId}.ogg` });
  }

  /** Records the outcome and hands the note to the router, together; a router failure is logged, not retried. */
  private async settle(
    note: ClaimedVoiceNote,
    outcome: { transcript: string } | { error: string },
  ): Promise<TranscriptionOutcome> {
    const { attempts: _a, storageKey: _s, mediaStatus: _m, ...about } = note;
    const transcript = 'transcript' in outcome ? outcome.transcript : undefined;
    try {
      return await this.unitOfWork.run(async () => {
        if (!(await this.queue.finish(note, outcome))) return 'superseded';
        if (transcript !== undefined && note.conversationId)
          await this.timeline.add({
            tenantId: note.tenantId,
            entityType: 'conversation',
            entityId: note.conversationId,
            eventType: 'MESSAGE',
            source: 'WHATSAPP',
            actor: note.senderPhone,
            content: {
              action: 'VOICE_NOTE_TRANSCRIBED',
              messageId: note.messageId,
              mediaId: note.mediaId,
              text: transcript,
            },
          });
        await this.router.route({ ...about, transcript });
        return transcript === undefined ? 'failed' : 'transcribed';
      });
    } catch (error) {
      this.logger.error(
        { err: error, mediaId: note.mediaId },
        'a transcribed voice note could not be acted on',
      );
      await this.queue.finish(note, { error: clip(`not acted on: ${(error as Error).message}`) });
      return 'failed';
    }
  }
}

const clip = (text: string) => text.slice(0, MAX_ERROR_LENGTH);
