import type { Knex } from 'knex';
import { paymentState, type CustomerBooking } from '../domain/CustomerBooking';
import { fromCents, toCents } from '../domain/Money';

interface Row {
  ref: string;
  status: CustomerBooking['status'];
  trip_code: string | null;
  trip_name: string | null;
  departure_date: string | null;
  amount: string | number;
  currency: string;
  paid: string | number;
}

/** Read side of SPEC §6 STATUS: the customer's own bookings with their trip and what has been paid. */
export async function customerBookings(
  q: Knex,
  tenantId: string,
  customerPhone: string,
  ref?: string,
): Promise<CustomerBooking[]> {
  const { rows } = await q.raw<{ rows: Row[] }>(
    `SELECT b.ref, b.status, t.code AS trip_code, t.name AS trip_name,
            to_char(t.departure_date, 'YYYY-MM-DD') AS departure_date, b.amount, b.currency,
            COALESCE((SELECT SUM(p.amount) FROM payments p WHERE p.tenant_id = b.tenant_id AND p.booking_id = b.id), 0) AS paid
       FROM bookings b
       LEFT JOIN trips t ON t.tenant_id = b.tenant_id AND t.id = b.trip_id
      WHERE b.tenant_id = ? AND b.customer_phone = ? AND (?::text IS NULL OR b.ref = ?)
      ORDER BY b.created_at DESC, b.ref DESC`,
    [tenantId, customerPhone, ref ?? null, ref ?? null],
  );
  return rows.map((r) => {
    const amount = fromCents(toCents(r.amount));
    const paid = fromCents(toCents(r.paid));
    return {
      ref: r.ref,
      status: r.status,
      tripCode: r.trip_code ?? undefined,
      tripName: r.trip_name ?? undefined,
      departureDate: r.departure_date ?? undefined,
      amount,
      currency: r.currency,
      paid,
      paymentState: paymentState(amount, paid),
    };
  });
}
