import type { Knex } from 'knex';
import { isUuid } from '../../lead/domain/isUuid';
import type { TripSummary } from '../domain/BookingRepository';

// A deliberately small read of the trip module's table: bookings need a trip's id, name and date only.
const columns = `id, code, name, to_char(departure_date, 'YYYY-MM-DD') AS "departureDate"`;

export async function findTripByCode(
  q: Knex,
  tenantId: string,
  code: string,
): Promise<TripSummary | undefined> {
  const { rows } = await q.raw<{ rows: TripSummary[] }>(
    `SELECT ${columns} FROM trips WHERE tenant_id = ? AND upper(code) = upper(?) LIMIT 1`,
    [tenantId, code.trim()],
  );
  return rows[0];
}

export async function findTripById(q: Knex, tenantId: string, id: string): Promise<TripSummary | undefined> {
  if (!isUuid(id)) return undefined;
  const { rows } = await q.raw<{ rows: TripSummary[] }>(
    `SELECT ${columns} FROM trips WHERE tenant_id = ? AND id = ?`,
    [tenantId, id],
  );
  return rows[0];
}
