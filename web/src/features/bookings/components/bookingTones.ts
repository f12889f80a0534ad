import type { Tone } from '../../../components/ui/Badge';
import type { Booking } from '../api/bookings';

export const BOOKING_TONES: Record<Booking['status'], Tone> = {
  pending_payment: 'warn',
  confirmed: 'good',
  cancelled: 'bad',
};
