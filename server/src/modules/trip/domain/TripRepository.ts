import type { AssignedStaff } from './AssignedStaff';
import type { Traveller } from './Traveller';
import type { NewTrip, Trip } from './Trip';

export interface TripRepository {
  /** undefined when the tenant already has a trip with that code. */
  create(trip: NewTrip): Promise<Trip | undefined>;
  findByCode(tenantId: string, code: string): Promise<Trip | undefined>;
  findById(tenantId: string, id: string): Promise<Trip | undefined>;
  /** The trips among `codes` (already uppercased), e.g. the codes a media caption mentions. */
  findByCodes(tenantId: string, codes: string[]): Promise<Trip[]>;
  /** false when the user was already assigned. */
  addAssignment(tenantId: string, tripId: string, userId: string): Promise<boolean>;
  /** false when the user was not assigned. */
  removeAssignment(tenantId: string, tripId: string, userId: string): Promise<boolean>;
  /** Active users assigned to the trip, by name. */
  listAssignedStaff(tenantId: string, tripId: string): Promise<AssignedStaff[]>;
  isAssigned(tenantId: string, tripId: string, userId: string): Promise<boolean>;
  /** Distinct phones of customers with a booking on the trip that is not cancelled. */
  customerPhones(tenantId: string, tripId: string): Promise<string[]>;
  /** The trip's bookings that are not cancelled, by ref. */
  travellers(tenantId: string, tripId: string): Promise<Traveller[]>;
  /** Across tenants: trips departing from `first` to `last` (YYYY-MM-DD, inclusive). */
  departingBetween(first: string, last: string): Promise<Trip[]>;
}
