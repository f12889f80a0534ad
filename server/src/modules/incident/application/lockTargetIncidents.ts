import { BusinessRuleError, NotFoundError } from '../../../shared/errors/AppError';
import { parseRef } from '../../../shared/refs/RefAllocator';
import type { Actor } from '../../identity/domain/Actor';
import type { Action } from '../../identity/domain/PermissionPolicy';
import { assertAssigned, authorizeOnTrip } from '../../trip/application/authorizeOnTrip';
import type { Trip } from '../../trip/domain/Trip';
import type { TripRepository } from '../../trip/domain/TripRepository';
import type { Incident } from '../domain/Incident';
import type { IncidentRepository } from '../domain/IncidentRepository';

/** One incident by ref (`INC-7`, WhatsApp) or by id (REST). */
export type IncidentTarget = { incidentRef: string } | { incidentId: string };

/** `RESOLVED TRP123` names a trip's unresolved incidents; the rest name one incident. */
export type ResolveTarget = { tripCode: string } | IncidentTarget;

/**
 * The incidents a change applies to, locked, after the assignment rule: all unresolved ones of a
 * trip (at least one), or the one named (whatever its status; the change decides).
 */
export async function lockTargetIncidents(
  trips: TripRepository,
  incidents: IncidentRepository,
  actor: Actor,
  target: ResolveTarget,
  action: Action,
): Promise<{ trip: Trip; incidents: Incident[] }> {
  if ('tripCode' in target) {
    const trip = await authorizeOnTrip(trips, actor, action, target.tripCode);
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
