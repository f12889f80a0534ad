/** A staff member reporting in on a trip (`CHECKIN TRP123 [note]`). */
export interface TripCheckIn {
  id: string;
  tenantId: string;
  tripId: string;
  userId?: string;
  /** The user's name, when read back. */
  userName?: string;
  note?: string;
  checkedInAt: Date;
}

export type NewTripCheckIn = Omit<TripCheckIn, 'id' | 'userName'>;
