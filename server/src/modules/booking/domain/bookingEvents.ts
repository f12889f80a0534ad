import type { NewEvent } from '../../events/domain/DomainEvent';
import type { Booking } from './Booking';

/** `booking.updated` (SPEC §18): created, paid, confirmed; `change` says which. */
export const bookingUpdated = (booking: Booking, change: string): NewEvent => ({
  tenantId: booking.tenantId,
  type: 'booking.updated',
  data: {
    bookingId: booking.id,
    ref: booking.ref,
    status: booking.status,
    change,
    leadId: booking.leadId ?? null,
    tripId: booking.tripId ?? null,
    customerPhone: booking.customerPhone,
    amount: booking.amount,
    currency: booking.currency,
  },
});
