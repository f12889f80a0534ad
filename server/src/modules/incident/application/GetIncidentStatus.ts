import { inject, injectable } from 'inversify';
import { NotFoundError } from '../../../shared/errors/AppError';
import { parseRef } from '../../../shared/refs/RefAllocator';
import { TYPES } from '../../../types';
import { assertAllowed, type Actor } from '../../identity/domain/Actor';
import { assertAssigned } from '../../trip/application/authorizeOnTrip';
import type { StaffDirectory } from '../../trip/domain/StaffDirectory';
import type { TripRepository } from '../../trip/domain/TripRepository';
import type { IncidentStatus } from '../domain/Incident';
import type { IncidentRepository } from '../domain/IncidentRepository';
import type { IncidentUpdate } from '../domain/IncidentUpdate';

/** What `STATUS INC-7` answers. */
export interface IncidentSummary {
  ref: string;
  tripCode: string;
  status: IncidentStatus;
  description: string;
  reportedBy?: string;
  reportedAt: Date;
  /** The latest updates, newest first. */
  updates: Array<Pick<IncidentUpdate, 'kind' | 'note' | 'at' | 'authorName'>>;
}

const UPDATES_SHOWN = 3;

/** `STATUS INC-7`: the staff of the incident's trip (field staff only on trips they are assigned to). */
@injectable()
export class GetIncidentStatus {
  constructor(
    @inject(TYPES.TripRepository) private readonly trips: TripRepository,
    @inject(TYPES.StaffDirectory) private readonly staff: StaffDirectory,
    @inject(TYPES.IncidentRepository) private readonly incidents: IncidentRepository,
  ) {}

  async execute({ actor, incidentRef }: { actor: Actor; incidentRef: string }): Promise<IncidentSummary> {
    assertAllowed(actor, 'view_trip_status');
    const ref = parseRef('INC', incidentRef) ?? incidentRef;
    const incident = await this.incidents.findByRef(actor.tenantId, ref);
    if (!incident) throw new NotFoundError('incident', incidentRef);
    const trip = await this.trips.findById(actor.tenantId, incident.tripId);
    if (!trip) throw new NotFoundError('trip', incident.tripId);
    await assertAssigned(this.trips, actor, trip);
    const reporter = incident.reporterId
      ? await this.staff.findById(actor.tenantId, incident.reporterId)
      : undefined;
    const updates = await this.incidents.listUpdates(actor.tenantId, incident.id, UPDATES_SHOWN);
    return {
      ref: incident.ref,
      tripCode: trip.code,
      status: incident.status,
      description: incident.description,
      reportedBy: reporter?.name,
      reportedAt: incident.reportedAt,
      updates: updates.map(({ kind, note, at, authorName }) => ({ kind, note, at, authorName })),
    };
  }
}
