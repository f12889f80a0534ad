import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import { isUuid } from '../../trip/infrastructure/isUuid';
import { UNRESOLVED, type Incident, type NewIncident } from '../domain/Incident';
import type { IncidentRepository } from '../domain/IncidentRepository';
import type { IncidentUpdate, NewIncidentUpdate } from '../domain/IncidentUpdate';
import { toIncident, type IncidentRow } from './incidentRow';

interface UpdateRow {
  id: string;
  tenant_id: string;
  incident_id: string;
  kind: IncidentUpdate['kind'];
  author_id: string | null;
  author_name?: string | null;
  note: string | null;
  customer_message: string | null;
  customers_notified: number;
  created_at: Date;
}

const toUpdate = (r: UpdateRow): IncidentUpdate => ({
  id: r.id,
  tenantId: r.tenant_id,
  incidentId: r.incident_id,
  kind: r.kind,
  authorId: r.author_id ?? undefined,
  ...(r.author_name ? { authorName: r.author_name } : {}),
  note: r.note ?? undefined,
  customerMessage: r.customer_message ?? undefined,
  customersNotified: Number(r.customers_notified),
  at: r.created_at,
});

@injectable()
export class KnexIncidentRepository implements IncidentRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async add(i: NewIncident): Promise<Incident> {
    const [row]: IncidentRow[] = await this.db
      .q('incidents')
      .insert({
        tenant_id: i.tenantId,
        ref: i.ref,
        trip_id: i.tripId,
        reporter_id: i.reporterId ?? null,
        description: i.description,
        status: 'open',
        created_at: i.reportedAt,
        updated_at: i.reportedAt,
      })
      .returning('*');
    return toIncident(row);
  }

  async listOpenByTrip(tenantId: string, tripId: string): Promise<Incident[]> {
    const rows = await this.openByTrip(tenantId, tripId);
    return rows.map(toIncident);
  }

  async lockOpenByTrip(tenantId: string, tripId: string): Promise<Incident[]> {
    const rows = await this.openByTrip(tenantId, tripId).forUpdate();
    return rows.map(toIncident);
  }

  async lockByRef(tenantId: string, ref: string): Promise<Incident | undefined> {
    const row = await this.db
      .q<IncidentRow>('incidents')
      .where({ tenant_id: tenantId, ref })
      .forUpdate()
      .first();
    return row && toIncident(row);
  }

  async lockById(tenantId: string, id: string): Promise<Incident | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.db
      .q<IncidentRow>('incidents')
      .where({ tenant_id: tenantId, id })
      .forUpdate()
      .first();
    return row && toIncident(row);
  }

  async findByRef(tenantId: string, ref: string): Promise<Incident | undefined> {
    const row = await this.db.q<IncidentRow>('incidents').where({ tenant_id: tenantId, ref }).first();
    return row && toIncident(row);
  }

  async save(i: Incident): Promise<void> {
    await this.db
      .q('incidents')
      .where({ tenant_id: i.tenantId, id: i.id })
      .update({
        status: i.status,
        acknowledged_by: i.acknowledgedBy ?? null,
        acknowledged_at: i.acknowledgedAt ?? null,
        resolution_note: i.resolutionNote ?? null,
        resolved_by: i.resolvedBy ?? null,
        resolved_at: i.resolvedAt ?? null,
        updated_at: i.resolvedAt ?? i.acknowledgedAt ?? this.db.knex.fn.now(),
      });
  }

  async addUpdate(u: NewIncidentUpdate): Promise<IncidentUpdate> {
    const [row]: UpdateRow[] = await this.db
      .q('incident_updates')
      .insert({
        tenant_id: u.tenantId,
        incident_id: u.incidentId,
        kind: u.kind,
        author_id: u.authorId ?? null,
        note: u.note ?? null,
        customer_message: u.customerMessage ?? null,
        customers_notified: u.customersNotified,
      })
      .returning('*');
    return toUpdate(row);
  }

  async listUpdates(tenantId: string, incidentId: string, limit: number): Promise<IncidentUpdate[]> {
    const rows: UpdateRow[] = await this.db
      .q('incident_updates as u')
      .leftJoin('users as a', 'a.id', 'u.author_id')
      .where({ 'u.tenant_id': tenantId, 'u.incident_id': incidentId })
      .orderBy([
        { column: 'u.created_at', order: 'desc' },
        { column: 'u.id', order: 'desc' },
      ])
      .limit(limit)
      .select('u.*', 'a.name as author_name');
    return rows.map(toUpdate);
  }

  private openByTrip(tenantId: string, tripId: string) {
    return this.db
      .q<IncidentRow>('incidents')
      .where({ tenant_id: tenantId, trip_id: tripId })
      .whereIn('status', UNRESOLVED)
      .orderBy([{ column: 'created_at' }, { column: 'ref' }]);
  }
}
