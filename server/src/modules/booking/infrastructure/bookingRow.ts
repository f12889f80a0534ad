import { Booking, type BookingStatus } from '../domain/Booking';
import { fromCents, toCents } from '../domain/Money';

export interface BookingRow {
  id: string;
  tenant_id: string;
  ref: string;
  lead_id: string | null;
  trip_id: string | null;
  customer_phone: string;
  customer_name: string | null;
  party_size: number;
  amount: string | number;
  currency: string;
  status: BookingStatus;
  payment_token: string | null;
  confirmed_at: Date | null;
  cancelled_at: Date | null;
  cancellation_reason: string | null;
  cancelled_by: string | null;
  created_at: Date;
}

export const toBooking = (r: BookingRow): Booking =>
  new Booking({
    id: r.id,
    tenantId: r.tenant_id,
    ref: r.ref,
    leadId: r.lead_id ?? undefined,
    tripId: r.trip_id ?? undefined,
    customerPhone: r.customer_phone,
    customerName: r.customer_name ?? undefined,
    partySize: r.party_size,
    amount: fromCents(toCents(r.amount)),
    currency: r.currency,
    status: r.status,
    paymentToken: r.payment_token ?? undefined,
    confirmedAt: r.confirmed_at ?? undefined,
    cancelledAt: r.cancelled_at ?? undefined,
    cancellationReason: r.cancellation_reason ?? undefined,
    cancelledBy: r.cancelled_by ?? undefined,
    createdAt: r.created_at,
  });
