import { inject, injectable } from 'inversify';
import { TYPES } from '../../../types';
import type { Actor } from '../../identity/domain/Actor';
import type { CheckInRepository } from '../../incident/domain/CheckInRepository';
import type { IncidentRepository } from '../../incident/domain/IncidentRepository';
import type { AssignedStaff } from '../domain/AssignedStaff';
import type { TripRepository } from '../domain/TripRepository';
import { authorizeOnTrip } from './authorizeOnTrip';

export interface GetTripStatusInput {
  actor: Actor;
  tripCode: string;
}

/** What `STATUS TRP123` answers and `GET /trips/:code` shows. */
export interface TripStatus {
  id: string;
  code: string;
  name: string;
  /** YYYY-MM-DD */
  departureDate: string;
  assignedStaff: AssignedStaff[];
  openIncidents: Array<{ ref: string; description: string; reportedAt: Date }>;
  /** `by` is the staff member's name. */
  lastCheckIn?: { by: string; at: Date; note?: string };
}

@injectable()
export class GetTripStatus {
  constructor(
    @inject(TYPES.TripRepository) private readonly trips: TripRepository,
    @inject(TYPES.IncidentRepository) private readonly incidents: IncidentRepository,
    @inject(TYPES.CheckInRepository) private readonly checkIns: CheckInRepository,
  ) {}

  async execute({ actor, tripCode }: GetTripStatusInput): Promise<TripStatus> {
    const trip = await authorizeOnTrip(this.trips, actor, 'view_trip_status', tripCode);
    const assignedStaff = await this.trips.listAssignedStaff(actor.tenantId, trip.id);
    const open = await this.incidents.listOpenByTrip(actor.tenantId, trip.id);
    const last = await this.checkIns.latest(actor.tenantId, trip.id);
    return {
      id: trip.id,
      code: trip.code,
      name: trip.name,
      departureDate: trip.departureDate,
      assignedStaff,
      openIncidents: open.map((i) => ({ ref: i.ref, description: i.description, reportedAt: i.reportedAt })),
      ...(last && { lastCheckIn: { by: last.userName ?? 'unknown', at: last.checkedInAt, note: last.note } }),
    };
  }
}
