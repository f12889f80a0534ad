import { inject, injectable } from 'inversify';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, type Actor } from '../../identity/domain/Actor';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import { authorizeOnTrip } from '../../trip/application/authorizeOnTrip';
import type { Trip } from '../../trip/domain/Trip';
import type { TripRepository } from '../../trip/domain/TripRepository';

export interface AttachTripMediaInput {
  actor: Actor;
  tripCode: string;
  /** The stored inbound message (whatsapp_messages.id) carrying the media. */
  messageId: string;
  mediaType: string;
  caption?: string;
  /** A voice note's words, when it was transcribed. */
  transcript?: string;
}

/** Puts a photo, video, document or voice note a staff member sent from the field on the trip's timeline. */
@injectable()
export class AttachTripMedia {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.TripRepository) private readonly trips: TripRepository,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute({
    actor,
    tripCode,
    messageId,
    mediaType,
    caption,
    transcript,
  }: AttachTripMediaInput): Promise<Trip> {
    return this.unitOfWork.run(async () => {
      const trip = await authorizeOnTrip(this.trips, actor, 'upload_trip_media', tripCode);
      await this.timeline.add({
        tenantId: actor.tenantId,
        entityType: 'trip',
        entityId: trip.id,
        eventType: 'MESSAGE',
        source: actor.source,
        actor: actorLabel(actor),
        content: { action: 'MEDIA_ADDED', messageId, mediaType, caption, transcript },
      });
      await this.audit.record({
        tenantId: actor.tenantId,
        actor: actorLabel(actor),
        action: 'TRIP_MEDIA_ADDED',
        entityType: 'trip',
        entityId: trip.id,
        details: { tripCode: trip.code, messageId, mediaType },
      });
      return trip;
    });
  }
}
