import type { BookingStatus } from './Booking';
import { toCents } from './Money';

export type PaymentState = 'unpaid' | 'partially_paid' | 'paid';

/** What a customer may see of one of their bookings (SPEC §6 STATUS). */
export interface CustomerBooking {
  ref: string;
  status: BookingStatus;
  tripCode?: string;
  tripName?: string;
  /** YYYY-MM-DD */
  departureDate?: string;
  amount: string;
  currency: string;
  /** Sum of payments, "0.00" when none. */
  paid: string;
  paymentState: PaymentState;
}

export function paymentState(amount: string, paid: string): PaymentState {
  const paidCents = toCents(paid);
  if (paidCents <= 0) return 'unpaid';
  return paidCents < toCents(amount) ? 'partially_paid' : 'paid';
}
