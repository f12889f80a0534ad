import { inject, injectable } from 'inversify';
import { ConflictError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import { newTrip, type Trip } from '../domain/Trip';
import type { TripRepository } from '../domain/TripRepository';

export interface CreateTripInput {
  actor: Actor;
  code: string;
  name: string;
  /** YYYY-MM-DD */
  departureDate: string;
}

@injectable()
export class CreateTrip {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.TripRepository) private readonly trips: TripRepository,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute({ actor, ...fields }: CreateTripInput): Promise<Trip> {
    assertAllowed(actor, 'manage_trips');
    const draft = newTrip({ ...fields, tenantId: actor.tenantId });
    return this.unitOfWork.run(async () => {
      const trip = await this.trips.create(draft);
      if (!trip)
        throw new ConflictError('TRIP_EXISTS', `A trip ${draft.code} already exists`, { code: draft.code });
      await this.timeline.add({
        tenantId: actor.tenantId,
        entityType: 'trip',
        entityId: trip.id,
        eventType: 'SYSTEM',
        source: actor.source,
        actor: actorLabel(actor),
        content: {
          action: 'TRIP_CREATED',
          code: trip.code,
          name: trip.name,
          departureDate: trip.departureDate,
        },
      });
      await this.audit.record({
        tenantId: actor.tenantId,
        actor: actorLabel(actor),
        action: 'TRIP_CREATED',
        entityType: 'trip',
        entityId: trip.id,
        details: { code: trip.code },
      });
      return trip;
    });
  }
}
