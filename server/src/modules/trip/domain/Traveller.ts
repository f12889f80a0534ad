/** A booking on a trip as the trip sees it (the booking module owns bookings). */
export interface Traveller {
  bookingRef: string;
  customerPhone: string;
  customerName?: string;
  partySize: number;
  status: 'pending_payment' | 'confirmed';
}
