import type { Knex } from 'knex';
import type { ReminderCandidate } from '../domain/BookingRepository';

interface Row {
  id: string;
  tenant_id: string;
  created_at: Date;
  departure_date: string | null;
}

/**
 * Bookings pending payment, a day old or more, whose trip has not left and which still have a
 * reminder slot free; in (created_at, id) order after `after`. Served by the partial index
 * bookings_pending_payment_idx; the job works tenant by tenant from here on.
 */
export async function reminderCandidates(
  q: Knex,
  input: { createdBefore: Date; today: string; slots: number; after?: ReminderCandidate; limit: number },
): Promise<ReminderCandidate[]> {
  const { rows } = await q.raw<{ rows: Row[] }>(
    `SELECT b.id, b.tenant_id, b.created_at, to_char(t.departure_date, 'YYYY-MM-DD') AS departure_date
       FROM bookings b
       LEFT JOIN trips t ON t.tenant_id = b.tenant_id AND t.id = b.trip_id
      WHERE b.status = 'pending_payment' AND b.payment_token IS NOT NULL AND b.created_at <= ?
        AND (t.departure_date IS NULL OR t.departure_date > ?::date)
        AND (b.created_at, b.id) > (?::timestamptz, ?::uuid)
        AND (SELECT count(*) FROM sent_reminders r
              WHERE r.tenant_id = b.tenant_id AND r.kind = 'payment_reminder' AND r.subject_id = b.id) < ?
      ORDER BY b.created_at, b.id
      LIMIT ?`,
    [
      input.createdBefore,
      input.today,
      input.after?.createdAt ?? new Date(0),
      input.after?.id ?? '00000000-0000-0000-0000-000000000000',
      input.slots,
      input.limit,
    ],
  );
  return rows.map((r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    createdAt: r.created_at,
    departureDate: r.departure_date ?? undefined,
  }));
}
