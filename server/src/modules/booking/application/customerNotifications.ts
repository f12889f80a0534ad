import type { Tenant } from '../../identity/domain/Tenant';
import type { OutboundRequest } from '../../message/domain/OutboundRequest';
import { notification } from '../../message/domain/notification';
import type { Booking } from '../domain/Booking';
import type { TripSummary } from '../domain/BookingRepository';
import { formatMoney } from '../domain/Money';
import type { Quote } from '../domain/Quote';

// Templates need a non-empty greeting, and not every customer has shared a profile name.
const greeting = (name: string | undefined, phone: string) => name?.trim() || phone;

/** quote_ready [customerName, quoteRef, amount, description]. */
const quoteReady = (tenant: Tenant, quote: Quote, to: string, name?: string): OutboundRequest =>
  notification(
    tenant.id,
    to,
    'quote_ready',
    [greeting(name, to), quote.ref, formatMoney(quote.amount, quote.currency), quote.description],
    tenant.defaultLanguage,
    { quoteRef: quote.ref },
  );

/** payment_link [customerName, bookingRef, amount, link]. */
const paymentLink = (tenant: Tenant, booking: Booking, baseUrl: string): OutboundRequest =>
  notification(
    tenant.id,
    booking.customerPhone,
    'payment_link',
    [
      greeting(booking.customerName, booking.customerPhone),
      booking.ref,
      formatMoney(booking.amount, booking.currency),
      booking.paymentLink(baseUrl),
    ],
    tenant.defaultLanguage,
    { bookingRef: booking.ref },
  );

/** booking_confirmed [customerName, bookingRef, tripName, departureDate]. */
const bookingConfirmed = (tenant: Tenant, booking: Booking, trip?: TripSummary): OutboundRequest =>
  notification(
    tenant.id,
    booking.customerPhone,
    'booking_confirmed',
    [
      greeting(booking.customerName, booking.customerPhone),
      booking.ref,
      trip?.name ?? booking.ref,
      trip?.departureDate ?? '-',
    ],
    tenant.defaultLanguage,
    { bookingRef: booking.ref },
  );

/** booking_cancelled [customerName, bookingRef, reason, refund] (the refund "0.00 USD" when none). */
const bookingCancelled = (tenant: Tenant, booking: Booking, refundAmount?: string): OutboundRequest =>
  notification(
    tenant.id,
    booking.customerPhone,
    'booking_cancelled',
    [
      greeting(booking.customerName, booking.customerPhone),
      booking.ref,
      booking.cancellationReason ?? '-',
      formatMoney(refundAmount ?? '0.00', booking.currency),
    ],
    tenant.defaultLanguage,
    { bookingRef: booking.ref },
  );

/** payment_reminder [customerName, bookingRef, amount due, link]. */
const paymentReminder = (tenant: Tenant, booking: Booking, due: string, baseUrl: string): OutboundRequest =>
  notification(
    tenant.id,
    booking.customerPhone,
    'payment_reminder',
    [
      greeting(booking.customerName, booking.customerPhone),
      booking.ref,
      formatMoney(due, booking.currency),
      booking.paymentLink(baseUrl),
    ],
    tenant.defaultLanguage,
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
