import type { OutboundRequest } from '../../message/domain/OutboundRequest';
import { notification } from '../../message/domain/notification';
import type { Booking } from '../domain/Booking';
import type { TripSummary } from '../domain/BookingRepository';
import { formatMoney } from '../domain/Money';
import type { Quote } from '../domain/Quote';

/** Whom a notice is written for: the tenant, in the customer's language (customerReader). */
export interface Reader {
  tenantId: string;
  language: string;
}

// Templates need a non-empty greeting, and not every customer has shared a profile name.
const greeting = (name: string | undefined, phone: string) => name?.trim() || phone;

/** quote_ready [customerName, quoteRef, amount, description]. */
const quoteReady = (reader: Reader, quote: Quote, to: string, name?: string): OutboundRequest =>
  notification(
    reader.tenantId,
    to,
    'quote_ready',
    [greeting(name, to), quote.ref, formatMoney(quote.amount, quote.currency), quote.description],
    reader.language,
    { quoteRef: quote.ref },
  );

/** payment_link [customerName, bookingRef, amount, link]. */
const paymentLink = (reader: Reader, booking: Booking, baseUrl: string): OutboundRequest =>
  notification(
    reader.tenantId,
    booking.customerPhone,
    'payment_link',
    [
      greeting(booking.customerName, booking.customerPhone),
      booking.ref,
      formatMoney(booking.amount, booking.currency),
      booking.paymentLink(baseUrl),
    ],
    reader.language,
    { bookingRef: booking.ref },
  );

/** booking_confirmed [customerName, bookingRef, tripName, departureDate]. */
const bookingConfirmed = (reader: Reader, booking: Booking, trip?: TripSummary): OutboundRequest =>
  notification(
    reader.tenantId,
    booking.customerPhone,
    'booking_confirmed',
    [
      greeting(booking.customerName, booking.customerPhone),
      booking.ref,
      trip?.name ?? booking.ref,
      trip?.departureDate ?? '-',
    ],
    reader.language,
    { bookingRef: booking.ref },
  );

/** booking_cancelled [customerName, bookingRef, reason, refund] (the refund "0.00 USD" when none). */
const bookingCancelled = (reader: Reader, booking: Booking, refundAmount?: string): OutboundRequest =>
  notification(
    reader.tenantId,
    booking.customerPhone,
    'booking_cancelled',
    [
      greeting(booking.customerName, booking.customerPhone),
      booking.ref,
      booking.cancellationReason ?? '-',
      formatMoney(refundAmount ?? '0.00', booking.currency),
    ],
    reader.language,
    { bookingRef: booking.ref },
  );

/** payment_reminder [customerName, bookingRef, amount due, link]. */
const paymentReminder = (reader: Reader, booking: Booking, due: string, baseUrl: string): OutboundRequest =>
  notification(
    reader.tenantId,
    booking.customerPhone,
    'payment_reminder',
    [
      greeting(booking.customerName, booking.customerPhone),
      booking.ref,
      formatMoney(due, booking.currency),
      booking.paymentLink(baseUrl),
    ],
    reader.language,
    { bookingRef: booking.ref },
  );

/** The WhatsApp messages a customer gets about quotes and bookings, with their templates' parameter order. */
export const customerNotifications = {
  quoteReady,
  paymentLink,
  bookingConfirmed,
  bookingCancelled,
  paymentReminder,
};
