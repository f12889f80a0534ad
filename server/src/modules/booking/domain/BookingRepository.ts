import type { Booking } from './Booking';
import type { CustomerBooking } from './CustomerBooking';

export interface NewBooking {
  tenantId: string;
  ref: string;
  leadId: string;
  tripId: string;
  customerPhone: string;
  customerName?: string;
  partySize: number;
  amount: string;
  currency: string;
  paymentToken: string;
}

/** The few trip facts a booking needs; trips themselves belong to the trip module. */
export interface TripSummary {
  id: string;
  code: string;
  name: string;
  /** YYYY-MM-DD */
  departureDate: string;
}

export interface BookingRepository {
  create(booking: NewBooking): Promise<Booking>;
  /** By uuid or by ref (`BK-12`); `forUpdate` locks the row until the unit of work ends. */
  findById(
    tenantId: string,
    idOrRef: string,
    options?: { forUpdate?: boolean },
  ): Promise<Booking | undefined>;
  findLatestPendingByCustomer(tenantId: string, customerPhone: string): Promise<Booking | undefined>;
  /** The customer's most recent booking that is not cancelled. */
  findLatestActiveByCustomer(tenantId: string, customerPhone: string): Promise<Booking | undefined>;
  /** Persists status, its timestamps and the cancellation: the only fields that change after creation. */
  save(booking: Booking): Promise<void>;
  findTripByCode(tenantId: string, code: string): Promise<TripSummary | undefined>;
  findTripById(tenantId: string, id: string): Promise<TripSummary | undefined>;
  /** Newest first; only this customer's bookings, optionally only the one with that ref. */
  listForCustomer(tenantId: string, customerPhone: string, ref?: string): Promise<CustomerBooking[]>;
}
