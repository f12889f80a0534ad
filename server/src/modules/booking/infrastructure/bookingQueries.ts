import type { Database } from '../../../shared/db/Database';
import { keysetPage, type Page, type PageRequest } from '../../../shared/db/keysetPage';
import { idOrRef } from '../../lead/infrastructure/idOrRef';
import type { Booking } from '../domain/Booking';
import type { Payment } from '../domain/Payment';
import type { Refund } from '../domain/Refund';
import { toBooking, type BookingRow } from './bookingRow';
import { toPayment, type PaymentRow } from './KnexPaymentRepository';
import { KnexRefundRepository } from './KnexRefundRepository';

export interface BookingFilters {
  status?: string;
  /** E.164 */
  phone?: string;
  tripCode?: string;
}

export interface BookingView {
  booking: Booking;
  tripCode?: string;
}

type Row = BookingRow & { trip_code: string | null };
const toView = (r: Row): BookingView => ({ booking: toBooking(r), tripCode: r.trip_code ?? undefined });

const bookings = (db: Database, tenantId: string) =>
  db
    .q('bookings as b')
    .leftJoin('trips as t', function () {
      this.on('t.id', 'b.trip_id').andOn('t.tenant_id', 'b.tenant_id');
    })
    .where('b.tenant_id', tenantId)
    .select('b.*', 't.code as trip_code');

/** `GET /bookings`: newest first; served by bookings (tenant_id, created_at, id). */
export async function listBookings(
  db: Database,
  tenantId: string,
  filters: BookingFilters,
  page: PageRequest,
): Promise<Page<BookingView>> {
  const query = bookings(db, tenantId);
  if (filters.status) query.where('b.status', filters.status);
  if (filters.phone) query.where('b.customer_phone', filters.phone);
  if (filters.tripCode) query.whereRaw('upper(t.code) = upper(?)', [filters.tripCode]);
  const { rows, nextCursor } = await keysetPage<Row>(db, query, page, { at: 'b.created_at', id: 'b.id' });
  return { data: rows.map(toView), nextCursor };
}

export async function findBooking(
  db: Database,
  tenantId: string,
  idOrRefText: string,
): Promise<(BookingView & { payments: Payment[]; refunds: Refund[] }) | undefined> {
  const key = idOrRef('BK', idOrRefText);
  if (!key) return undefined;
  const row = (await bookings(db, tenantId)
    .where('id' in key ? { 'b.id': key.id } : { 'b.ref': key.ref })
    .first()) as Row | undefined;
  if (!row) return undefined;
  const payments = (await db
    .q('payments')
    .where({ tenant_id: tenantId, booking_id: row.id })
    .orderBy('received_at')) as PaymentRow[];
  const refunds = await new KnexRefundRepository(db).listFor(tenantId, row.id);
  return { ...toView(row), payments: payments.map(toPayment), refunds };
}
