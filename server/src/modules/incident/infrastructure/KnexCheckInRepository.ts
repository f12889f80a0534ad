import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { CheckInRepository } from '../domain/CheckInRepository';
import type { NewTripCheckIn, TripCheckIn } from '../domain/TripCheckIn';

interface CheckInRow {
  id: string;
  tenant_id: string;
  trip_id: string;
  user_id: string | null;
  user_name?: string | null;
  note: string | null;
  checked_in_at: Date;
}

const toCheckIn = (r: CheckInRow): TripCheckIn => ({
  id: r.id,
  tenantId: r.tenant_id,
  tripId: r.trip_id,
  userId: r.user_id ?? undefined,
  ...(r.user_name ? { userName: r.user_name } : {}),
  note: r.note ?? undefined,
  checkedInAt: r.checked_in_at,
});

@injectable()
export class KnexCheckInRepository implements CheckInRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async add(c: NewTripCheckIn): Promise<TripCheckIn> {
    const [row] = await this.db
      .q<CheckInRow>('check_ins')
      .insert({
        tenant_id: c.tenantId,
        trip_id: c.tripId,
        user_id: c.userId ?? null,
        note: c.note ?? null,
        checked_in_at: c.checkedInAt,
      })
      .returning('*');
    return toCheckIn(row);
  }

  async latest(tenantId: string, tripId: string): Promise<TripCheckIn | undefined> {
    const row = await this.db
      .q<CheckInRow>('check_ins as c')
      .leftJoin('users as u', 'u.id', 'c.user_id')
      .where({ 'c.tenant_id': tenantId, 'c.trip_id': tripId })
      .orderBy([
        { column: 'c.checked_in_at', order: 'desc' },
        { column: 'c.id', order: 'desc' },
      ])
      .first('c.*', 'u.name as user_name');
    return row && toCheckIn(row);
  }
}
