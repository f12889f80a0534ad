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

/** A booking pending payment that may owe its customer a reminder (payment-reminders job). */
export interface ReminderCandidate {
  id: string;
  tenantId: string;
  createdAt: Date;
  /** YYYY-MM-DD of its trip, when it has one. */
  departureDate?: string;
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
  /**
   * Across tenants: bookings pending payment created at or before `createdBefore`, whose trip departs
   * after `today` (YYYY-MM-DD), with fewer than `slots` reminders sent; oldest first, after `after`.
   */
  listReminderCandidates(input: {
    createdBefore: Date;
    today: string;
    slots: number;
    after?: ReminderCandidate;
    limit: number;
  }): Promise<ReminderCandidate[]>;
  /** Newest first; only this customer's bookings, optionally only the one with that ref. */
  listForCustomer(tenantId: string, customerPhone: string, ref?: string): Promise<CustomerBooking[]>;
}
