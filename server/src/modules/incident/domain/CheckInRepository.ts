import type { NewTripCheckIn, TripCheckIn } from './TripCheckIn';

export interface CheckInRepository {
  add(checkIn: NewTripCheckIn): Promise<TripCheckIn>;
  /** The most recent check-in of the trip, with the user's name. */
  latest(tenantId: string, tripId: string): Promise<TripCheckIn | undefined>;
}
