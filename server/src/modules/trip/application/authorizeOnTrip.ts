import { NotFoundError, PermissionError } from '../../../shared/errors/AppError';
import { assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { Action } from '../../identity/domain/PermissionPolicy';
import { needsTripAssignment } from '../../identity/domain/PermissionPolicy';
import type { Trip } from '../domain/Trip';
import { TripCode } from '../domain/TripCode';
import type { TripRepository } from '../domain/TripRepository';

/**
 * The permission matrix, then the trip, then SPEC §3's assignment rule (field staff act only on
 * trips they are assigned to). Reads only, so a refusal leaves nothing behind.
 */
export async function authorizeOnTrip(
  trips: TripRepository,
  actor: Actor,
  action: Action,
  tripCode: string,
): Promise<Trip> {
  assertAllowed(actor, action);
  const trip = await trips.findByCode(actor.tenantId, TripCode.normalize(tripCode));
  if (!trip) throw new NotFoundError('trip', TripCode.normalize(tripCode));
  await assertAssigned(trips, actor, trip);
  return trip;
}

export async function assertAssigned(trips: TripRepository, actor: Actor, trip: Trip): Promise<void> {
  if (!needsTripAssignment(actor.role)) return;
  if (actor.userId && (await trips.isAssigned(actor.tenantId, trip.id, actor.userId))) return;
  throw new PermissionError(`You are not assigned to trip ${trip.code}`, {
    reason: 'NOT_ASSIGNED',
    tripCode: trip.code,
  });
}
