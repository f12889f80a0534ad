import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import { idOrRef } from '../../lead/infrastructure/idOrRef';
import type { Booking } from '../domain/Booking';
import type {
  BookingRepository,
  NewBooking,
  ReminderCandidate,
  TripSummary,
} from '../domain/BookingRepository';
import type { CustomerBooking } from '../domain/CustomerBooking';
import { toBooking, type BookingRow } from './bookingRow';
import { customerBookings } from './customerBookingsQuery';
import { reminderCandidates } from './reminderCandidatesQuery';
import { findTripById, findTripByCode } from './tripQueries';

@injectable()
export class KnexBookingRepository implements BookingRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async create(b: NewBooking): Promise<Booking> {
    const [row] = await this.db
      .q<BookingRow>('bookings')
      .insert({
        tenant_id: b.tenantId,
        ref: b.ref,
        lead_id: b.leadId,
        trip_id: b.tripId,
        customer_phone: b.customerPhone,
        customer_name: b.customerName ?? null,
        party_size: b.partySize,
        amount: b.amount,
        currency: b.currency,
        status: 'pending_payment',
        payment_token: b.paymentToken,
      })
      .returning('*');
    return toBooking(row as BookingRow);
  }

  async findById(
    tenantId: string,
    idOrRefText: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<Booking | undefined> {
    const key = idOrRef('BK', idOrRefText);
    if (!key) return undefined;
    const query = this.db.q<BookingRow>('bookings').where({ tenant_id: tenantId, ...key });
    const row = await (options.forUpdate ? query.forUpdate() : query).first();
    return row && toBooking(row as BookingRow);
  }

  async findLatestPendingByCustomer(tenantId: string, customerPhone: string): Promise<Booking | undefined> {
    const row = await this.db
      .q<BookingRow>('bookings')
      .where({ tenant_id: tenantId, customer_phone: customerPhone, status: 'pending_payment' })
      .orderBy('created_at', 'desc')
      .first();
    return row && toBooking(row as BookingRow);
  }

  async findLatestActiveByCustomer(tenantId: string, customerPhone: string): Promise<Booking | undefined> {
    const row = await this.db
      .q<BookingRow>('bookings')
      .where({ tenant_id: tenantId, customer_phone: customerPhone })
      .whereNot('status', 'cancelled')
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'ref', order: 'desc' },
      ])
      .first();
    return row && toBooking(row as BookingRow);
  }

  async save(booking: Booking): Promise<void> {
    await this.db
      .q('bookings')
      .where({ tenant_id: booking.tenantId, id: booking.id })
      .update({
        status: booking.status,
        confirmed_at: booking.confirmedAt ?? null,
        cancelled_at: booking.cancelledAt ?? null,
        cancellation_reason: booking.cancellationReason ?? null,
        cancelled_by: booking.cancelledBy ?? null,
        updated_at: this.db.knex.fn.now(),
      });
  }

  findTripByCode(tenantId: string, code: string): Promise<TripSummary | undefined> {
    return findTripByCode(this.db.q, tenantId, code);
  }

  findTripById(tenantId: string, id: string): Promise<TripSummary | undefined> {
    return findTripById(this.db.q, tenantId, id);
  }

  listForCustomer(tenantId: string, customerPhone: string, ref?: string): Promise<CustomerBooking[]> {
    return customerBookings(this.db.q, tenantId, customerPhone, ref);
  }

  listReminderCandidates(
    input: Parameters<BookingRepository['listReminderCandidates']>[0],
  ): Promise<ReminderCandidate[]> {
    return reminderCandidates(this.db.q, input);
  }
}
