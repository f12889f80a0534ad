import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { Role } from '../../identity/domain/Role';
import type { AssignedStaff } from '../domain/AssignedStaff';
import type { Traveller } from '../domain/Traveller';
import type { NewTrip, Trip } from '../domain/Trip';
import type { TripRepository } from '../domain/TripRepository';
import { isUuid } from './isUuid';

export interface TripRow {
  id: string;
  tenant_id: string;
  code: string;
  name: string;
  departure_date: string;
  status: string;
  created_at: Date;
}

export const toTrip = (r: TripRow): Trip => ({
  id: r.id,
  tenantId: r.tenant_id,
  code: r.code,
  name: r.name,
  departureDate: r.departure_date,
  status: r.status,
  createdAt: r.created_at,
});

@injectable()
export class KnexTripRepository implements TripRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  /** As text: drivers disagree on whether a DATE becomes local or UTC midnight. */
  private trips() {
    return this.db
      .q('trips')
      .select('id', 'tenant_id', 'code', 'name', 'status', 'created_at')
      .select(this.db.knex.raw(`to_char(departure_date, 'YYYY-MM-DD') as departure_date`));
  }

  async create(trip: NewTrip): Promise<Trip | undefined> {
    const [row] = await this.db
      .q('trips')
      .insert({
        tenant_id: trip.tenantId,
        code: trip.code,
        name: trip.name,
        departure_date: trip.departureDate,
      })
      .onConflict(['tenant_id', 'code'])
      .ignore()
      .returning(['id', 'status', 'created_at']);
    return row && { ...trip, id: row.id, status: row.status, createdAt: row.created_at };
  }

  async findByCode(tenantId: string, code: string): Promise<Trip | undefined> {
    const row: TripRow | undefined = await this.trips().where({ tenant_id: tenantId, code }).first();
    return row && toTrip(row);
  }

  async findById(tenantId: string, id: string): Promise<Trip | undefined> {
    if (!isUuid(id)) return undefined;
    const row: TripRow | undefined = await this.trips().where({ tenant_id: tenantId, id }).first();
    return row && toTrip(row);
  }

  async findByCodes(tenantId: string, codes: string[]): Promise<Trip[]> {
    if (!codes.length) return [];
    const rows: TripRow[] = await this.trips()
      .where({ tenant_id: tenantId })
      .whereIn('code', codes)
      .orderBy('code');
    return rows.map(toTrip);
  }

  async addAssignment(tenantId: string, tripId: string, userId: string): Promise<boolean> {
    const rows = await this.db
      .q('trip_assignments')
      .insert({ tenant_id: tenantId, trip_id: tripId, user_id: userId })
      .onConflict(['trip_id', 'user_id'])
      .ignore()
      .returning('id');
    return rows.length > 0;
  }

  async removeAssignment(tenantId: string, tripId: string, userId: string): Promise<boolean> {
    if (!isUuid(userId)) return false;
    const removed = await this.db
      .q('trip_assignments')
      .where({ tenant_id: tenantId, trip_id: tripId, user_id: userId })
      .delete()
      .returning('id');
    return removed.length > 0;
  }

  async listAssignedStaff(tenantId: string, tripId: string): Promise<AssignedStaff[]> {
    const rows: Array<{ id: string; name: string; role: string }> = await this.db
      .q('trip_assignments as a')
      .join('users as u', 'u.id', 'a.user_id')
      .where({ 'a.tenant_id': tenantId, 'a.trip_id': tripId, 'u.active': true })
      .orderBy(['u.name', 'u.id'])
      .select('u.id', 'u.name', 'u.role');
    return rows.map((r) => ({ id: r.id, name: r.name, role: r.role as Role }));
  }

  async isAssigned(tenantId: string, tripId: string, userId: string): Promise<boolean> {
    if (!isUuid(userId)) return false;
    const row = await this.db
      .q('trip_assignments')
      .where({ tenant_id: tenantId, trip_id: tripId, user_id: userId })
      .first('id');
    return row !== undefined;
  }

  async customerPhones(tenantId: string, tripId: string): Promise<string[]> {
    const rows: Array<{ customer_phone: string }> = await this.db
      .q('bookings')
      .where({ tenant_id: tenantId, trip_id: tripId })
      .whereNot('status', 'cancelled')
      .distinct('customer_phone')
      .orderBy('customer_phone');
    return rows.map((r) => r.customer_phone);
  }

  async travellers(tenantId: string, tripId: string): Promise<Traveller[]> {
    const rows: Array<{
      ref: string;
      customer_phone: string;
      customer_name: string | null;
      party_size: number;
      status: Traveller['status'];
    }> = await this.db
      .q('bookings')
      .where({ tenant_id: tenantId, trip_id: tripId })
      .whereNot('status', 'cancelled')
      .orderBy('ref')
      .select('ref', 'customer_phone', 'customer_name', 'party_size', 'status');
    return rows.map((r) => ({
      bookingRef: r.ref,
      customerPhone: r.customer_phone,
      customerName: r.customer_name ?? undefined,
      partySize: Number(r.party_size),
      status: r.status,
    }));
  }

  async departingBetween(first: string, last: string): Promise<Trip[]> {
    const rows: TripRow[] = await this.trips()
      .whereBetween('departure_date', [first, last])
      .orderBy(['departure_date', 'tenant_id', 'code']);
    return rows.map(toTrip);
  }
}
