import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import { isUuid } from '../../trip/infrastructure/isUuid';
import { Incident, type IncidentStatus, type NewIncident } from '../domain/Incident';
import type { IncidentRepository } from '../domain/IncidentRepository';

interface IncidentRow {
  id: string;
  tenant_id: string;
  ref: string;
  trip_id: string;
  reporter_id: string | null;
  description: string;
  status: string;
  resolution_note: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
  created_at: Date;
}

const toIncident = (r: IncidentRow): Incident =>
  new Incident({
    id: r.id,
    tenantId: r.tenant_id,
    ref: r.ref,
    tripId: r.trip_id,
    reporterId: r.reporter_id ?? undefined,
    description: r.description,
    reportedAt: r.created_at,
    status: r.status as IncidentStatus,
    resolutionNote: r.resolution_note ?? undefined,
    resolvedBy: r.resolved_by ?? undefined,
    resolvedAt: r.resolved_at ?? undefined,
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

  async saveResolution(i: Incident): Promise<void> {
    await this.db
      .q('incidents')
      .where({ tenant_id: i.tenantId, id: i.id })
      .update({
        status: i.status,
        resolution_note: i.resolutionNote ?? null,
        resolved_by: i.resolvedBy ?? null,
        resolved_at: i.resolvedAt ?? null,
        updated_at: i.resolvedAt ?? this.db.knex.fn.now(),
      });
  }

  private openByTrip(tenantId: string, tripId: string) {
    return this.db
      .q<IncidentRow>('incidents')
      .where({ tenant_id: tenantId, trip_id: tripId, status: 'open' })
      .orderBy([{ column: 'created_at' }, { column: 'ref' }]);
  }
}
