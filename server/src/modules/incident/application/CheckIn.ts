import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, type Actor } from '../../identity/domain/Actor';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import { authorizeOnTrip } from '../../trip/application/authorizeOnTrip';
import type { TripRepository } from '../../trip/domain/TripRepository';
import type { CheckInRepository } from '../domain/CheckInRepository';
import type { TripCheckIn } from '../domain/TripCheckIn';

export interface CheckInInput {
  actor: Actor;
  tripCode: string;
  note?: string;
}

@injectable()
export class CheckIn {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.TripRepository) private readonly trips: TripRepository,
    @inject(TYPES.CheckInRepository) private readonly checkIns: CheckInRepository,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute({ actor, tripCode, note }: CheckInInput): Promise<TripCheckIn> {
    return this.unitOfWork.run(async () => {
      const trip = await authorizeOnTrip(this.trips, actor, 'check_in', tripCode);
      const checkIn = await this.checkIns.add({
        tenantId: actor.tenantId,
        tripId: trip.id,
        userId: actor.userId,
        note: note?.trim() || undefined,
        checkedInAt: this.clock.now(),
      });
      await this.timeline.add({
        tenantId: actor.tenantId,
        entityType: 'trip',
        entityId: trip.id,
        eventType: 'CHECKIN',
        source: actor.source,
        actor: actorLabel(actor),
        content: { action: 'CHECKED_IN', note: checkIn.note },
      });
      await this.audit.record({
        tenantId: actor.tenantId,
        actor: actorLabel(actor),
        action: 'CHECKED_IN',
        entityType: 'trip',
        entityId: trip.id,
        details: { tripCode: trip.code, checkInId: checkIn.id },
      });
      return checkIn;
    });
  }
}
