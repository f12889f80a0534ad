import { inject, injectable } from 'inversify';
import { TYPES } from '../../../types';
import type { Actor } from '../../identity/domain/Actor';
import type { CheckInRepository } from '../../incident/domain/CheckInRepository';
import type { Incident, IncidentStatus } from '../../incident/domain/Incident';
import type { IncidentRepository } from '../../incident/domain/IncidentRepository';
import type { AssignedStaff } from '../domain/AssignedStaff';
import type { StaffDirectory } from '../domain/StaffDirectory';
import type { TripRepository } from '../domain/TripRepository';
import { authorizeOnTrip } from './authorizeOnTrip';

export interface GetTripStatusInput {
  actor: Actor;
  tripCode: string;
}

/** An incident still being dealt with: open, or acknowledged (still open until it is resolved). */
export interface OpenIncident {
  ref: string;
  description: string;
  /** `open` or `acknowledged`. */
  status: IncidentStatus;
  reportedAt: Date;
  /** When it was acknowledged, and by whom (the staff member's name, while that user exists). */
  acknowledged?: { by?: string; at: Date };
}

/** What `STATUS TRP123` answers and `GET /trips/:code` shows. */
export interface TripStatus {
  id: string;
  code: string;
  name: string;
  /** YYYY-MM-DD */
  departureDate: string;
  assignedStaff: AssignedStaff[];
  openIncidents: OpenIncident[];
  /** `by` is the staff member's name. */
  lastCheckIn?: { by: string; at: Date; note?: string };
}

@injectable()
export class GetTripStatus {
  constructor(
    @inject(TYPES.TripRepository) private readonly trips: TripRepository,
    @inject(TYPES.IncidentRepository) private readonly incidents: IncidentRepository,
    @inject(TYPES.CheckInRepository) private readonly checkIns: CheckInRepository,
    @inject(TYPES.StaffDirectory) private readonly staff: StaffDirectory,
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
      openIncidents: await this.describe(actor.tenantId, open),
      ...(last && { lastCheckIn: { by: last.userName ?? 'unknown', at: last.checkedInAt, note: last.note } }),
    };
  }

  /** The incidents, with the names of the staff who acknowledged them. */
  private async describe(tenantId: string, incidents: Incident[]): Promise<OpenIncident[]> {
    const names = new Map<string, string>();
    for (const id of new Set(incidents.flatMap((i) => i.acknowledgedBy ?? []))) {
      const user = await this.staff.findById(tenantId, id);
      if (user) names.set(id, user.name);
    }
    return incidents.map((i) => {
      const by = i.acknowledgedBy && names.get(i.acknowledgedBy);
      return {
        ref: i.ref,
        description: i.description,
        status: i.status,
        reportedAt: i.reportedAt,
        ...(i.acknowledgedAt && { acknowledged: { ...(by && { by }), at: i.acknowledgedAt } }),
      };
    });
  }
}
