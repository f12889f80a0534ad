import { BusinessRuleError, NotFoundError } from '../../../shared/errors/AppError';
import { parseRef } from '../../../shared/refs/RefAllocator';
import type { Actor } from '../../identity/domain/Actor';
import { assertAssigned, authorizeOnTrip } from '../../trip/application/authorizeOnTrip';
import type { Trip } from '../../trip/domain/Trip';
import type { TripRepository } from '../../trip/domain/TripRepository';
import type { Incident } from '../domain/Incident';
import type { IncidentRepository } from '../domain/IncidentRepository';

/** `RESOLVED TRP123`, `RESOLVED INC-7`, or `PATCH /incidents/:id`. */
export type ResolveTarget = { tripCode: string } | { incidentRef: string } | { incidentId: string };

/**
 * The incidents a resolution applies to, locked, after the assignment rule: all open ones of a
 * trip (at least one), or the one named (whatever its status; resolving decides).
 */
export async function incidentsToResolve(
  trips: TripRepository,
  incidents: IncidentRepository,
  actor: Actor,
  target: ResolveTarget,
): Promise<{ trip: Trip; incidents: Incident[] }> {
  if ('tripCode' in target) {
    const trip = await authorizeOnTrip(trips, actor, 'resolve_incident', target.tripCode);
    const open = await incidents.lockOpenByTrip(actor.tenantId, trip.id);
    if (!open.length)
      throw new BusinessRuleError('NO_OPEN_INCIDENTS', `Trip ${trip.code} has no open incidents`, {
        tripCode: trip.code,
      });
    return { trip, incidents: open };
  }
  const incident =
    'incidentRef' in target
      ? await incidents.lockByRef(actor.tenantId, parseRef('INC', target.incidentRef) ?? target.incidentRef)
      : await incidents.lockById(actor.tenantId, target.incidentId);
  const named = 'incidentRef' in target ? target.incidentRef : target.incidentId;
  if (!incident) throw new NotFoundError('incident', named);
  const trip = await trips.findById(actor.tenantId, incident.tripId);
  if (!trip) throw new NotFoundError('trip', incident.tripId);
  await assertAssigned(trips, actor, trip);
  return { trip, incidents: [incident] };
}
