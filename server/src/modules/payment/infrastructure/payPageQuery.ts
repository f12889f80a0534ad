import type { Database } from '../../../shared/db/Database';
import { fromCents, toCents } from '../../booking/domain/Money';

/** What the payment page shows of a booking, with the tenant's payment settings. */
export interface PayPageBooking {
  tenantName: string;
  language: string;
  ref: string;
  status: 'pending_payment' | 'confirmed' | 'cancelled';
  customerName?: string;
  tripName?: string;
  departureDate?: string;
  amount: string;
  paid: string;
  currency: string;
  paymentToken?: string;
  paymentUrlTemplate?: string;
  instructions?: string;
}

interface Row {
  tenant_name: string;
  default_language: string;
  ref: string;
  status: PayPageBooking['status'];
  customer_name: string | null;
  trip_name: string | null;
  departure_date: string | null;
  amount: string | number;
  paid: string | number;
  currency: string;
  payment_token: string | null;
  payment_url_template: string | null;
  instructions: string | null;
}

/**
 * The bookings with this ref, one per tenant that has it: the link's token tells them apart (the
 * caller compares it in constant time). The one read here that is not scoped to a tenant, since
 * the link is all the customer has.
 */
export async function bookingsForPayPage(db: Database, ref: string): Promise<PayPageBooking[]> {
  const { rows } = await db.q.raw<{ rows: Row[] }>(
    `SELECT tn.name AS tenant_name, tn.default_language, b.ref, b.status, b.customer_name,
            t.name AS trip_name, to_char(t.departure_date, 'YYYY-MM-DD') AS departure_date,
            b.amount, b.currency, b.payment_token, s.payment_url_template, s.instructions,
            COALESCE((SELECT SUM(p.amount) FROM payments p
                       WHERE p.tenant_id = b.tenant_id AND p.booking_id = b.id), 0) AS paid
       FROM bookings b
       JOIN tenants tn ON tn.id = b.tenant_id
       LEFT JOIN trips t ON t.tenant_id = b.tenant_id AND t.id = b.trip_id
       LEFT JOIN payment_settings s ON s.tenant_id = b.tenant_id
      WHERE b.ref = ?`,
    [ref],
  );
  return rows.map((r) => ({
    tenantName: r.tenant_name,
    language: r.default_language,
    ref: r.ref,
    status: r.status,
    customerName: r.customer_name ?? undefined,
    tripName: r.trip_name ?? undefined,
    departureDate: r.departure_date ?? undefined,
    amount: fromCents(toCents(r.amount)),
    paid: fromCents(toCents(r.paid)),
    currency: r.currency,
    paymentToken: r.payment_token ?? undefined,
    paymentUrlTemplate: r.payment_url_template ?? undefined,
    instructions: r.instructions ?? undefined,
  }));
}
