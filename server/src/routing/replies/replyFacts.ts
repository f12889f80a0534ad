/** What some replies are made of, as the router hands it over. */
export interface BookingLine {
  ref: string;
  status: string;
  tripName?: string;
  departureDate?: string;
  paymentState: string;
}

export interface TripSummary {
  code: string;
  name: string;
  departureDate: string;
  assignedStaff: Array<{ name: string }>;
  /** Open or acknowledged (still open until resolved). */
  openIncidents: Array<{ ref: string; description: string; status?: string }>;
  lastCheckIn?: { by: string; at: Date; note?: string };
}

/** `2026-09-10 04:00 UTC` */
export const utcMinute = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
