import type { Database } from '../../../shared/db/Database';
import type { PaymentSettings } from '../../identity/domain/Tenant';
import type { BookingStatus } from '../domain/Booking';

/** What the payment page shows: the booking, its trip, what was paid, and how to pay. */
export interface PaymentPageView {
  ref: string;
  status: BookingStatus;
  amount: string;
  currency: string;
  paid: string;
  partySize: number;
  customerName?: string;
  trip?: { code: string; name: string; departureDate: string };
  tenant: { name: string; language: string; payments: PaymentSettings };
}

interface Row {
  ref: string;
  status: BookingStatus;
  amount: string;
  currency: string;
  paid: string;
  party_size: number;
  customer_name: string | null;
  trip_code: string | null;
  trip_name: string | null;
  departure_date: string | null;
  tenant_name: string;
  default_language: string;
  settings: { payments?: PaymentSettings } | null;
}

/**
 * The booking a payment link names: its ref and its token must both match. The link carries no
 * tenant, so this is the one read that starts from the token (bookings_payment_token_idx); every
 * join stays inside the booking's tenant.
 */
export async function findPaymentPage(
  db: Database,
  ref: string,
  token: string,
): Promise<PaymentPageView | undefined> {
  const row = await db
    .q('bookings as b')
    .join('tenants as tn', 'tn.id', 'b.tenant_id')
    .leftJoin('trips as t', function () {
      this.on('t.id', 'b.trip_id').andOn('t.tenant_id', 'b.tenant_id');
    })
    .where({ 'b.payment_token': token, 'b.ref': ref })
    .first<Row | undefined>(
      'b.ref',
      'b.status',
      'b.amount',
      'b.currency',
      'b.party_size',
      'b.customer_name',
      't.code as trip_code',
      't.name as trip_name',
      db.knex.raw(`to_char(t.departure_date, 'YYYY-MM-DD') as departure_date`),
      'tn.name as tenant_name',
      'tn.default_language',
      'tn.settings',
      db.knex.raw(
        `(SELECT COALESCE(SUM(p.amount), 0)::numeric(14,2)::text FROM payments p WHERE p.tenant_id = b.tenant_id AND p.booking_id = b.id) AS paid`,
      ),
    );
  if (!row) return undefined;
  return {
    ref: row.ref,
    status: row.status,
    amount: row.amount,
    currency: row.currency,
    paid: row.paid,
    partySize: row.party_size,
    customerName: row.customer_name ?? undefined,
    trip: row.trip_code
      ? { code: row.trip_code, name: row.trip_name ?? row.trip_code, departureDate: row.departure_date ?? '' }
      : undefined,
    tenant: { name: row.tenant_name, language: row.default_language, payments: row.settings?.payments ?? {} },
  };
}
