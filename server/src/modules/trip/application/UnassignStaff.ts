import { inject, injectable } from 'inversify';
import { NotFoundError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, type Actor } from '../../identity/domain/Actor';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import type { Trip } from '../domain/Trip';
import type { TripRepository } from '../domain/TripRepository';
import { authorizeOnTrip } from './authorizeOnTrip';

export interface UnassignStaffInput {
  actor: Actor;
  tripCode: string;
  userId: string;
}

/** Removes an assignment; a user who is not assigned (or unknown) is a NotFoundError. */
@injectable()
export class UnassignStaff {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.TripRepository) private readonly trips: TripRepository,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute({ actor, tripCode, userId }: UnassignStaffInput): Promise<Trip> {
    return this.unitOfWork.run(async () => {
      const trip = await authorizeOnTrip(this.trips, actor, 'assign_staff', tripCode);
      if (!(await this.trips.removeAssignment(actor.tenantId, trip.id, userId)))
        throw new NotFoundError('assignment', `${trip.code}/${userId}`);
      await this.timeline.add({
        tenantId: actor.tenantId,
        entityType: 'trip',
        entityId: trip.id,
        eventType: 'SYSTEM',
        source: actor.source,
        actor: actorLabel(actor),
        content: { action: 'STAFF_UNASSIGNED', userId },
      });
      await this.audit.record({
        tenantId: actor.tenantId,
        actor: actorLabel(actor),
        action: 'STAFF_UNASSIGNED',
        entityType: 'trip',
        entityId: trip.id,
        details: { tripCode: trip.code, userId },
      });
      return trip;
    });
  }
}
