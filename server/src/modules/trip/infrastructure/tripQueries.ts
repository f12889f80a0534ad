import type { Database } from '../../../shared/db/Database';
import { keysetPage, type Page, type PageRequest } from '../../../shared/db/keysetPage';
import type { Trip } from '../domain/Trip';
import { toTrip, type TripRow } from './KnexTripRepository';

/** `GET /trips`: newest first; `assignedTo` narrows to one user's trips (field staff see only theirs). */
export async function listTrips(
  db: Database,
  tenantId: string,
  filters: { assignedTo?: string },
  page: PageRequest,
): Promise<Page<Trip>> {
  const query = db
    .q('trips as t')
    .where('t.tenant_id', tenantId)
    .select('t.id', 't.tenant_id', 't.code', 't.name', 't.status', 't.created_at')
    .select(db.knex.raw(`to_char(t.departure_date, 'YYYY-MM-DD') as departure_date`));
  if (filters.assignedTo)
    query.whereExists(
      db
        .q('trip_assignments as a')
        .whereRaw('a.trip_id = t.id')
        .where({ 'a.tenant_id': tenantId, 'a.user_id': filters.assignedTo })
        .select(db.knex.raw('1')),
    );
  const { rows, nextCursor } = await keysetPage<TripRow>(db, query, page, { at: 't.created_at', id: 't.id' });
  return {
    data: rows.map(toTrip),
    nextCursor,
  };
}
