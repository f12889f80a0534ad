import { inject, injectable } from 'inversify';
import type { Conversation } from '../../modules/conversation/domain/Conversation';
import type { Actor } from '../../modules/identity/domain/Actor';
import type { AttachTripMedia } from '../../modules/incident/application/AttachTripMedia';
import { TripCode } from '../../modules/trip/domain/TripCode';
import type { TripRepository } from '../../modules/trip/domain/TripRepository';
import { TYPES } from '../../types';
import type { Replies } from '../replies';
import {
  recentTrip,
  withLastTrip,
  withoutPendingMedia,
  withPendingMedia,
  type PendingFieldMedia,
} from './staffContext';
import { StaffMemory } from './StaffMemory';

export interface FieldMedia extends PendingFieldMedia {
  /** When it was sent (the provider's timestamp). */
  at: Date;
}

/** An answer to "which trip?" is a short message naming one. */
const MAX_ANSWER_WORDS = 3;

/**
 * Photos, documents and voice notes from field staff (SPEC §6, §22): on the trip their caption (or
 * transcript) names, else on the trip of their last command within 30 minutes, else they are asked
 * which trip and the file waits for the answer.
 */
@injectable()
export class FieldMediaFiler {
  constructor(
    @inject(TYPES.TripRepository) private readonly trips: TripRepository,
    @inject(TYPES.AttachTripMedia) private readonly attach: AttachTripMedia,
    @inject(StaffMemory) private readonly memory: StaffMemory,
  ) {}

  async file(actor: Actor, conversation: Conversation, media: FieldMedia, replies: Replies): Promise<string> {
    const context = this.memory.read(conversation);
    const named = await this.tripNamedIn(actor.tenantId, `${media.caption ?? ''} ${media.transcript ?? ''}`);
    const tripCode = named ?? recentTrip(context, media.at);
    if (!tripCode) {
      const { messageId, mediaType, caption, transcript } = media;
      await this.memory.write(
        conversation,
        withPendingMedia(context, { messageId, mediaType, caption, transcript }),
      );
      return replies.mediaWhichTrip;
    }
    await this.attachAll(actor, tripCode, [media]);
    if (named) await this.memory.write(conversation, withLastTrip(context, named, media.at));
    return replies.mediaFiled(tripCode);
  }

  /** Files the waiting media when `text` answers "which trip?"; undefined when it does not. */
  async answerWhichTrip(
    actor: Actor,
    conversation: Conversation,
    text: string,
    at: Date,
    replies: Replies,
  ): Promise<string | undefined> {
    const context = this.memory.read(conversation);
    if (!context.pendingMedia || text.trim().split(/\s+/).length > MAX_ANSWER_WORDS) return undefined;
    const tripCode = await this.tripNamedIn(actor.tenantId, text);
    if (!tripCode) return undefined;
    await this.attachAll(actor, tripCode, context.pendingMedia);
    await this.memory.write(conversation, withLastTrip(withoutPendingMedia(context), tripCode, at));
    return replies.mediaFiled(tripCode, context.pendingMedia.length);
  }

  private async tripNamedIn(tenantId: string, text: string): Promise<string | undefined> {
    const codes = TripCode.candidatesIn(text);
    const [trip] = codes.length ? await this.trips.findByCodes(tenantId, codes) : [];
    return trip?.code;
  }

  private async attachAll(actor: Actor, tripCode: string, media: PendingFieldMedia[]): Promise<void> {
    for (const m of media)
      await this.attach.execute({
        actor,
        tripCode,
        messageId: m.messageId,
        mediaType: m.mediaType,
        caption: m.caption,
        transcript: m.transcript,
      });
  }
}
